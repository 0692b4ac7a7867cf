import { expect } from "chai";
import { spawnSync } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";

// Compiled to dist/test/allocation/unit: the repository root is four levels up.
const root = resolve(__dirname, "../../../..");
const bin = join(root, "bin", "kehou.js");

const instance = {
  seed: 7,
  clubs: [
    { id: "choir", capacity: 1, minSize: 2, grades: [1, 2, 3], slots: ["thu"] },
    { id: "abacus", capacity: 1, slots: ["thu"] },
  ],
  students: [
    { id: "S001", grade: 3, slots: ["thu"], maxClubs: 1, choices: ["choir", "abacus"], group: "F001", pinned: [] },
    { id: "S002", grade: 2, slots: ["thu"], choices: ["choir"] },
  ],
};

describe("kehou allocate (CLI)", function () {
  this.timeout(60_000);
  let dir: string;
  before(() => (dir = mkdtempSync(join(tmpdir(), "kehou-allocate-"))));
  after(() => rmSync(dir, { recursive: true, force: true }));

  function run(args: string[], json?: unknown) {
    const file = join(dir, `input-${Math.random().toString(36).slice(2)}.json`);
    if (json !== undefined) writeFileSync(file, typeof json === "string" ? json : JSON.stringify(json));
    const out = spawnSync(process.execPath, [bin, "allocate", ...args.map((a) => a.replace("$FILE", file))], {
      cwd: root,
      encoding: "utf8",
    });
    return { code: out.status, stdout: out.stdout, stderr: out.stderr };
  }

  it("When the input is valid, then stdout is exactly the result JSON and diagnostics go to stderr", () => {
    const { code, stdout, stderr } = run(["--input", "$FILE"], instance);
    expect(code).to.equal(0);
    expect(stdout.endsWith("\n")).to.equal(true);
    const result = JSON.parse(stdout) as { mechanism: string; seed: number; assignments: Record<string, string[]> };
    expect(result.mechanism).to.equal("optimal");
    expect(result.seed).to.equal(7);
    expect(result.assignments).to.deep.equal({ S001: ["abacus"], S002: ["choir"] });
    expect(stdout.trim().split("\n")).to.have.length(1);
    expect(stderr).to.match(/flow path/);
    expect(stderr).to.contain('"timings"');
  });

  it("When --seed and --mechanism are given, then the lottery runs with that seed and echoes it", () => {
    const { code, stdout } = run(["--input", "$FILE", "--mechanism", "lottery", "--seed", "123"], instance);
    expect(code).to.equal(0);
    const result = JSON.parse(stdout) as { mechanism: string; seed: number; assignments: Record<string, string[]> };
    expect(result.mechanism).to.equal("lottery");
    expect(result.seed).to.equal(123);
  });

  it("When the command runs twice, then stdout is byte-identical", () => {
    const a = run(["--input", "$FILE", "--seed", "9"], instance);
    const b = run(["--input", "$FILE", "--seed", "9"], instance);
    expect(a.stdout).to.equal(b.stdout);
  });

  const bad: [string, string[], unknown, RegExp][] = [
    [
      "an unknown club is chosen",
      ["--input", "$FILE"],
      { ...instance, students: [{ ...instance.students[0], choices: ["choir", "chez"] }] },
      /students\[0\]\.choices\[1\]: unknown club "chez"/,
    ],
    [
      "a capacity is negative",
      ["--input", "$FILE"],
      { ...instance, clubs: [{ ...instance.clubs[0], capacity: -3 }, instance.clubs[1]] },
      /clubs\[0\]\.capacity/,
    ],
    [
      "a student id repeats",
      ["--input", "$FILE"],
      { ...instance, students: [instance.students[0], { ...instance.students[1], id: "S001" }] },
      /students\[1\]\.id: duplicate/,
    ],
    [
      "a grade has the wrong type",
      ["--input", "$FILE"],
      { ...instance, students: [{ ...instance.students[0], grade: "3" }] },
      /students\[0\]\.grade/,
    ],
    [
      "pins overfill a club",
      ["--input", "$FILE"],
      { ...instance, students: instance.students.map((s) => ({ ...s, pinned: ["choir"] })) },
      /students\[1\]\.pinned\[0\]/,
    ],
    ["the file is not JSON", ["--input", "$FILE"], "{ nope", /--input: .* is not valid JSON/],
    ["the file is missing", ["--input", "/nonexistent/kehou.json"], undefined, /--input: cannot read/],
    ["--input is missing", [], undefined, /--input: required/],
    ["a flag is unknown", ["--input", "$FILE", "--fast"], instance, /unknown flag "--fast"/],
    ["the mechanism is unknown", ["--input", "$FILE", "--mechanism", "auction"], instance, /--mechanism/],
    ["the seed is not a number", ["--input", "$FILE", "--seed", "abc"], instance, /--seed/],
    ["the seed is negative", ["--input", "$FILE", "--seed", "-4"], instance, /--seed/],
  ];
  for (const [what, args, json, message] of bad) {
    it(`When ${what}, then it exits 2 with a message naming the field and prints nothing on stdout`, () => {
      const { code, stdout, stderr } = run(args, json);
      expect(code).to.equal(2);
      expect(stdout).to.equal("");
      expect(stderr).to.match(message);
    });
  }
});
