import { expect } from "chai";
import { spawnSync } from "node:child_process";
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

describe("kehou database commands", function () {
  this.timeout(180_000);
  let dir: string;
  let env: Record<string, string>;
  before(() => {
    dir = mkdtempSync(join(tmpdir(), "kehou-cli-"));
    env = { DATABASE_URL: `sqlite:${join(dir, "k.sqlite")}`, SESSION_SECRET: "cli-test-secret-cli-test" };
  });
  after(() => rmSync(dir, { recursive: true, force: true }));

  it("When migrate and seed demo run twice, then the second seed changes nothing", () => {
    expect(kehou(["migrate"], env).status).to.equal(0);
    const first = kehou(["seed", "demo"], env);
    expect(first.status).to.equal(0);
    expect(first.stdout).to.contain("admin@kehou.demo");
    const second = kehou(["seed", "demo"], env);
    expect(second.status).to.equal(0);
    expect(second.stdout).to.contain("nothing changed");
  });

  it("When create-admin gets a bad email or a short password, then it exits 2 naming the flag", () => {
    const bad = kehou(["create-admin", "--email", "not-an-email", "--password", "long-enough-pw"], env);
    expect(bad.status).to.equal(2);
    expect(bad.stderr).to.contain("--email");
    const short = kehou(["create-admin", "--email", "a@b.cn", "--password", "short"], env);
    expect(short.status).to.equal(2);
    expect(short.stderr).to.contain("--password");
    const unknown = kehou(["create-admin", "--mail", "a@b.cn"], env);
    expect(unknown.status).to.equal(2);
  });

  it("When create-admin gets good flags, then the admin exists and a second time is refused", () => {
    const ok = kehou(["create-admin", "--email", "new.admin@school.cn", "--password", "a-long-password"], env);
    expect(ok.status, ok.stderr).to.equal(0);
    const again = kehou(["create-admin", "--email", "new.admin@school.cn", "--password", "a-long-password"], env);
    expect(again.status).to.equal(2);
  });

  it("When create-admin gets a common password, then it exits 2 naming --password and creates nobody", () => {
    const weak = kehou(["create-admin", "--email", "weak.admin@school.cn", "--password", "qwerty123456"], env);
    expect(weak.status).to.equal(2);
    expect(weak.stderr).to.contain("--password");
    const db = new Database(env.DATABASE_URL.slice("sqlite:".length), { readonly: true });
    expect(db.prepare("SELECT COUNT(*) AS n FROM staff WHERE email = 'weak.admin@school.cn'").get()).to.deep.equal({
      n: 0,
    });
    db.close();
  });

  it("When the admin is locked out at night, then `kehou throttle clear --account` lifts that account's delay and `throttle clear` lifts all", () => {
    const db = new Database(env.DATABASE_URL.slice("sqlite:".length));
    const row = (key: string) =>
      db
        .prepare(
          `INSERT INTO login_throttle ("key", "failures", "lastFailureAt", "nextAllowedAt") VALUES (?, 20, ?, ?)`,
        )
        .run(key, new Date().toISOString(), new Date(Date.now() + 3600_000).toISOString());
    row("staff:admin@kehou.demo");
    row("ip:10.0.0.9");
    const keys = () =>
      (db.prepare(`SELECT "key" FROM login_throttle ORDER BY "key"`).all() as { key: string }[]).map((r) => r.key);
    const one = kehou(["throttle", "clear", "--account", "Admin@kehou.demo"], env);
    expect(one.status, one.stderr).to.equal(0);
    expect(keys()).to.deep.equal(["ip:10.0.0.9"]);
    expect(kehou(["throttle", "clear", "--acount", "x"], env).status).to.equal(2);
    expect(kehou(["throttle", "wipe"], env).status).to.equal(2);
    const all = kehou(["throttle", "clear"], env);
    expect(all.status, all.stderr).to.equal(0);
    expect(keys()).to.deep.equal([]);
    db.close();
  });

  it("When backup runs, then the copy opens and passes an integrity check", () => {
    const out = join(dir, "backup.sqlite");
    const res = kehou(["backup", "--out", out], env);
    expect(res.status, res.stderr).to.equal(0);
    const db = new Database(out, { readonly: true });
    expect(db.pragma("integrity_check", { simple: true })).to.equal("ok");
    expect((db.prepare("SELECT COUNT(*) AS n FROM student").get() as { n: number }).n).to.be.greaterThan(900);
    db.close();
  });

  it("When backup has no --out or the command is unknown, then it exits 2", () => {
    expect(kehou(["backup"], env).status).to.equal(2);
    expect(kehou(["frobnicate"], env).status).to.equal(2);
  });
});
