// The real CLI on a temp SQLite file: `kehou setup-token` and `kehou demo remove` (issue 15).
import { expect } from "chai";
import { spawnSync } from "node:child_process";
import { createHash } from "node:crypto";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import Database from "better-sqlite3";
import { projectRoot } from "../../../src/config";

const kehou = (args: string[], env: Record<string, string>) =>
  spawnSync(process.execPath, [join(projectRoot(), "bin", "kehou.js"), ...args], {
    env: { ...process.env, LOG_LEVEL: "silent", ...env },
    encoding: "utf8",
    timeout: 120_000,
  });

describe("kehou setup-token and demo remove", function () {
  this.timeout(300_000);
  let dir: string;
  let env: Record<string, string>;
  const query = <T>(sql: string): T[] => {
    const db = new Database(join(dir, "k.sqlite"), { readonly: true });
    try {
      return db.prepare(sql).all() as T[];
    } finally {
      db.close();
    }
  };
  const tokenIn = (stderr: string) => /setup token: ([A-Za-z0-9_-]{20,})/.exec(stderr)?.[1] ?? "";
  before(() => {
    dir = mkdtempSync(join(tmpdir(), "kehou-cli-setup-"));
    env = {
      DATABASE_URL: `sqlite:${join(dir, "k.sqlite")}`,
      SESSION_SECRET: "cli-test-secret-cli-test",
      NODE_ENV: "production",
    };
  });
  after(() => rmSync(dir, { recursive: true, force: true }));

  it("When setup-token runs twice on a new database, then each prints a token once and only the newest one's hash is stored", () => {
    expect(kehou(["migrate"], env).status).to.equal(0);
    const first = kehou(["setup-token"], env);
    expect(first.status, first.stderr).to.equal(0);
    const second = kehou(["setup-token"], env);
    expect(second.status, second.stderr).to.equal(0);
    const [a, b] = [tokenIn(first.stderr), tokenIn(second.stderr)];
    expect(a).to.not.equal("");
    expect(b).to.not.equal(a);
    expect(first.stdout + second.stdout).to.not.contain(a);
    const stored = JSON.stringify(query("SELECT * FROM setting"));
    expect(stored).to.not.contain(a).and.not.contain(b);
    expect(stored).to.contain(createHash("sha256").update(b).digest("hex"));
    expect(stored).to.not.contain(createHash("sha256").update(a).digest("hex"));
  });

  it("When the demo is seeded and then removed, then the database holds no person and setup-token works again", () => {
    const seed = kehou(["seed", "demo"], { ...env, NODE_ENV: "development" });
    expect(seed.status, seed.stderr).to.equal(0);
    const removed = kehou(["demo", "remove"], env);
    expect(removed.status, removed.stderr).to.equal(0);
    for (const table of [
      "staff",
      "family",
      "student",
      "school_class",
      "term",
      "club",
      "timetable_entry",
      "service_enrollment",
      "attendance",
      "survey",
      "preference",
      "homework_entry",
    ]) {
      expect(query<{ n: number }>(`SELECT COUNT(*) AS n FROM ${table}`)[0].n, table).to.equal(0);
    }
    expect(query("SELECT key FROM setting WHERE key LIKE 'demo.%'")).to.deep.equal([]);
    expect(query("SELECT id FROM audit_log WHERE action = 'demo.remove'")).to.have.length(1);
    expect(kehou(["demo", "remove"], env).status).to.equal(0);
    expect(tokenIn(kehou(["setup-token"], env).stderr)).to.not.equal("");
  });
});
