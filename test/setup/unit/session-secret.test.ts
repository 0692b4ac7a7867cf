// Issue 22 (newcomer): data/session-secret was written inside the checkout even
// when DATABASE_URL points elsewhere. The generated secret sits beside the
// SQLite file (data/ for PostgreSQL or an in-memory database); an install whose
// secret is still in the old place keeps it, and says so.
import { expect } from "chai";
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { loadConfig, secretDirFor } from "../../../src/config";

describe("Where the generated session secret is kept", () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), "kehou-secret-"));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it("When DATABASE_URL is a SQLite file and no SESSION_SECRET is set, then the secret is generated beside that file", () => {
    const config = loadConfig(
      { DATABASE_URL: `sqlite:${join(dir, "db", "k.sqlite")}`, NODE_ENV: "development" },
      "command",
      { dataDir: join(dir, "data") },
    );
    const file = join(dir, "db", "session-secret");
    expect(existsSync(file)).to.equal(true);
    expect(readFileSync(file, "utf8").trim()).to.equal(config.sessionSecret);
  });

  it("When DATABASE_URL is PostgreSQL or an in-memory SQLite, then the secret stays in data/", () => {
    const data = join(dir, "data");
    expect(secretDirFor("postgres://k:k@localhost/k", data)).to.equal(data);
    expect(secretDirFor("sqlite::memory:", data)).to.equal(data);
  });

  it("When an existing install's secret is only in the old place (data/), then it is still used and a line says so", () => {
    const data = join(dir, "data");
    mkdirSync(data);
    writeFileSync(join(data, "session-secret"), "old-secret-old-secret-old\n");
    const said: string[] = [];
    const config = loadConfig(
      { DATABASE_URL: `sqlite:${join(dir, "elsewhere", "k.sqlite")}`, NODE_ENV: "development" },
      "command",
      { dataDir: data, say: (line) => said.push(line) },
    );
    expect(config.sessionSecret).to.equal("old-secret-old-secret-old");
    expect(existsSync(join(dir, "elsewhere", "session-secret"))).to.equal(false);
    expect(said.join("\n")).to.contain(join(data, "session-secret"));
  });
});
