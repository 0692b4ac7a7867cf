// The demo's own entry point (seeds/cli.ts) as `npm start` runs it before the
// server: it seeds an empty development database once, then only prints the
// logins; under NODE_ENV=production it does nothing at all.
import { expect } from "chai";
import { spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import Database from "better-sqlite3";
import { projectRoot } from "../../../src/config";

const seedsCli = (args: string[], env: Record<string, string>) =>
  spawnSync(process.execPath, [join(projectRoot(), "dist", "seeds", "cli.js"), ...args], {
    env: { ...process.env, LOG_LEVEL: "silent", ...env },
    encoding: "utf8",
    timeout: 240_000,
  });

describe("npm start's seed step (seeds/cli.ts start)", function () {
  this.timeout(300_000);
  let dir: string;
  const staff = (file: string) => {
    const db = new Database(file, { readonly: true });
    try {
      return (db.prepare("SELECT COUNT(*) AS n FROM staff").get() as { n: number }).n;
    } finally {
      db.close();
    }
  };
  before(() => {
    dir = mkdtempSync(join(tmpdir(), "kehou-seed-step-"));
  });
  after(() => rmSync(dir, { recursive: true, force: true }));

  it("When production starts on an empty database, then the step does nothing and no database is even opened", () => {
    const file = join(dir, "prod.sqlite");
    const res = seedsCli(["start"], {
      DATABASE_URL: `sqlite:${file}`,
      NODE_ENV: "production",
      SESSION_SECRET: "cli-test-secret-cli-test",
    });
    expect(res.status, res.stderr).to.equal(0);
    expect(res.stdout).to.equal("");
    expect(existsSync(file)).to.equal(false);
  });

  it("When development starts on an empty database twice, then the first seeds the demo and prints its logins, the second only prints them", () => {
    const env = {
      DATABASE_URL: `sqlite:${join(dir, "dev.sqlite")}`,
      NODE_ENV: "development",
      SESSION_SECRET: "cli-test-secret-cli-test",
    };
    const first = seedsCli(["start"], env);
    expect(first.status, first.stderr).to.equal(0);
    expect(first.stdout).to.contain("The demo school was seeded").and.contain("admin@kehou.demo");
    const seeded = staff(join(dir, "dev.sqlite"));
    expect(seeded).to.be.greaterThan(50);
    const second = seedsCli(["start"], env);
    expect(second.status, second.stderr).to.equal(0);
    expect(second.stdout).to.not.contain("was seeded");
    expect(second.stdout).to.contain("admin@kehou.demo");
    expect(staff(join(dir, "dev.sqlite"))).to.equal(seeded);
  });

  it("When the command is unknown, then it exits 2 with the usage", () => {
    const res = seedsCli(["plant"], {});
    expect(res.status).to.equal(2);
    expect(res.stderr).to.contain("usage: kehou <seed|demo>");
  });
});
