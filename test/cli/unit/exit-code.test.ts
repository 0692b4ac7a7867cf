// One tail for the scripted commands (kehou allocate, propose, ical): bad
// usage or input exits 2 with a message naming the flag or field, anything
// else exits 1 with the stack. And the commands that need no database load
// none of it just to share that tail.
import { expect } from "chai";
import { spawnSync } from "node:child_process";
import { join } from "node:path";
import { exitCodeOf, runCommand, UsageError } from "../../../src/cli";
import { InstanceError } from "../../../src/allocation/core";
import { projectRoot } from "../../../src/config";

function stderrOf(run: () => number): { code: number; stderr: string } {
  let stderr = "";
  const saved = process.stderr.write.bind(process.stderr);
  process.stderr.write = (chunk: string | Uint8Array) => {
    stderr += chunk.toString();
    return true;
  };
  try {
    return { code: run(), stderr };
  } finally {
    process.stderr.write = saved;
  }
}

const tail = { command: "allocate", usage: "usage: kehou allocate --input FILE", inputErrors: [InstanceError] };

describe("kehou commands: how a failure becomes the exit code", () => {
  it("When the flags are wrong, then it exits 2 with the message and the usage line", () => {
    const { code, stderr } = stderrOf(() => exitCodeOf(new UsageError("--seed: expected an integer"), tail));
    expect(code).to.equal(2);
    expect(stderr).to.equal("kehou allocate: --seed: expected an integer\nusage: kehou allocate --input FILE\n");
  });

  it("When the input is bad, then it exits 2 naming the field, without the usage line", () => {
    const err = new InstanceError("students[3].choices[1]", 'unknown club "x"');
    const { code, stderr } = stderrOf(() => exitCodeOf(err, tail));
    expect(code).to.equal(2);
    expect(stderr).to.equal('kehou allocate: students[3].choices[1]: unknown club "x"\n');
  });

  it("When a command does not count an error class as bad input, then that error is ours: exit 1 with the stack", () => {
    const err = new InstanceError("x", "y");
    const { code, stderr } = stderrOf(() => exitCodeOf(err, { command: "ical", usage: "usage: kehou ical" }));
    expect(code).to.equal(1);
    expect(stderr).to.match(/^kehou ical: internal error: InstanceError: x: y\n\s+at /);
  });

  it("When anything else is thrown, then it exits 1 saying internal error", () => {
    expect(stderrOf(() => exitCodeOf(new TypeError("boom"), tail)).code).to.equal(1);
    expect(stderrOf(() => exitCodeOf("a string", tail))).to.deep.equal({
      code: 1,
      stderr: "kehou allocate: internal error: a string\n",
    });
  });

  it("When the body returns, then runCommand returns its code; when it throws, the tail's", async () => {
    expect(await runCommand(tail, () => Promise.resolve(0))).to.equal(0);
    const saved = process.stderr.write.bind(process.stderr);
    process.stderr.write = () => true;
    try {
      expect(await runCommand(tail, () => Promise.reject(new UsageError("--input: required")))).to.equal(2);
      expect(await runCommand(tail, () => Promise.reject(new Error("disk on fire")))).to.equal(1);
    } finally {
      process.stderr.write = saved;
    }
  });

  it("When kehou allocate or propose loads, then the shared tail brings in no database code", () => {
    // Both commands must start fast and work with no database configured.
    for (const cli of ["src/allocation/cli.js", "src/proposer/cli.js"]) {
      const script = `require(${JSON.stringify(join(projectRoot(), "dist", cli))});
        const loaded = Object.keys(require.cache).filter((f) => /node_modules[\\\\/](typeorm|better-sqlite3|pg|express)[\\\\/]/.test(f));
        process.stdout.write(String(loaded.length));`;
      const out = spawnSync(process.execPath, ["-e", script], { encoding: "utf8" });
      expect(out.status, out.stderr).to.equal(0);
      expect(out.stdout, `${cli} loads database or HTTP packages`).to.equal("0");
    }
  });
});
