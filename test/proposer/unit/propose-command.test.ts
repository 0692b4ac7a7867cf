import { expect } from "chai";
import { spawnSync } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";

// Compiled to dist/test/proposer/unit: the repository root is four levels up.
const root = resolve(__dirname, "../../../..");
const bin = join(root, "bin", "kehou.js");

const instance = {
  seed: 3,
  slots: [
    { id: "mon-2", weekday: 1 },
    { id: "thu-2", weekday: 4 },
  ],
  venues: [
    { id: "music1", kind: "music", capacity: 45 },
    { id: "room1", kind: "classroom", capacity: 40 },
  ],
  staff: [
    { id: "T07", slots: ["mon-2", "thu-2"] },
    { id: "T08", slots: ["thu-2"] },
  ],
  clubs: [
    {
      id: "choir",
      grades: [1, 2, 3],
      capacity: 40,
      minSize: 8,
      sessions: 1,
      venueKind: "music",
      staff: ["T07"],
      fixed: [],
    },
    { id: "chess", capacity: 20, sessions: 1, venueKind: "classroom", staff: ["T07", "T08"] },
    { id: "robots", capacity: 20, sessions: 1, venueKind: "lab", staff: ["T08"] },
  ],
  students: [
    { id: "S001", grade: 3, slots: ["mon-2", "thu-2"], maxClubs: 2, choices: ["choir", "chess"] },
    { id: "S002", grade: 2, slots: ["thu-2"], choices: ["choir"] },
  ],
};

describe("kehou propose (CLI)", function () {
  this.timeout(60_000);
  let dir: string;
  before(() => (dir = mkdtempSync(join(tmpdir(), "kehou-propose-"))));
  after(() => rmSync(dir, { recursive: true, force: true }));

  let n = 0;
  function run(args: string[], json?: unknown) {
    const file = join(dir, `input-${n++}.json`);
    if (json !== undefined) writeFileSync(file, typeof json === "string" ? json : JSON.stringify(json));
    const out = spawnSync(process.execPath, [bin, "propose", ...args.map((a) => a.replace("$FILE", file))], {
      cwd: root,
      encoding: "utf8",
    });
    return { code: out.status, stdout: out.stdout, stderr: out.stderr };
  }

  it("When the input is valid, then stdout is exactly the result JSON in the design notes' shape", () => {
    const { code, stdout, stderr } = run(["--input", "$FILE"], instance);
    expect(code, stderr).to.equal(0);
    expect(stdout.trim().split("\n")).to.have.length(1);
    const result = JSON.parse(stdout) as Record<string, unknown>;
    expect(Object.keys(result)).to.deep.equal(["seed", "entries", "unplacedClubs", "metrics"]);
    expect(result.seed).to.equal(3);
    expect(result.entries).to.deep.include({ club: "choir", slot: "thu-2", venue: "music1", staff: "T07" });
    expect(result.unplacedClubs).to.deep.equal([
      { club: "robots", reason: "no-venue", detail: "no lab venue holds its capacity of 20" },
    ]);
    expect(result.metrics).to.include({ students: 2, placedStudents: 2, placements: 3, sumOfRanks: 4, placedClubs: 2 });
    expect(stderr).to.contain("diagnostics");
  });

  it("When it runs twice with the same seed, then stdout is byte-identical; --seed is echoed", () => {
    const a = run(["--input", "$FILE", "--seed", "11"], instance);
    const b = run(["--input", "$FILE", "--seed=11"], instance);
    expect(a.stdout).to.equal(b.stdout);
    expect((JSON.parse(a.stdout) as { seed: number }).seed).to.equal(11);
  });

  it("When the input names an unknown staff member, then it exits 2 naming the field", () => {
    const bad = structuredClone(instance);
    bad.clubs[1].staff = ["T07", "T99"];
    const { code, stdout, stderr } = run(["--input", "$FILE"], bad);
    expect(code).to.equal(2);
    expect(stdout).to.equal("");
    expect(stderr).to.contain('clubs[1].staff[1]: unknown staff member "T99"');
  });

  it("When a value has the wrong type or a flag is bad, then it exits 2 naming the field or flag", () => {
    const bad = structuredClone(instance) as unknown as { venues: { capacity: unknown }[] };
    bad.venues[0].capacity = "big";
    expect(run(["--input", "$FILE"], bad).stderr).to.contain("venues[0].capacity: expected an integer");
    expect(run(["--input", "$FILE"], "{not json").stderr).to.contain("--input:");
    const limit = run(["--input", "$FILE", "--time-limit", "soon"], instance);
    expect(limit.code).to.equal(2);
    expect(limit.stderr).to.contain("--time-limit");
    expect(run([]).stderr).to.contain("--input: required");
  });

  it("When fixed sessions cannot all hold, then it exits 2 naming the fixed session", () => {
    const bad = structuredClone(instance) as unknown as { clubs: { fixed?: unknown[] }[] };
    bad.clubs[0].fixed = [{ slot: "mon-2", staff: "T07" }];
    bad.clubs[1].fixed = [{ slot: "mon-2", staff: "T07" }];
    const { code, stderr } = run(["--input", "$FILE"], bad);
    expect(code).to.equal(2);
    expect(stderr).to.contain("clubs[1].fixed[0].staff");
  });
});
