// PUBLIC_URL is the only source of absolute links: required in production,
// checked for form, and in development http://localhost:PORT.
import { expect } from "chai";
import { loadConfig } from "../../../src/config";

const base = { SESSION_SECRET: "unit-test-secret-unit-test", DATABASE_URL: "sqlite::memory:" };

describe("PUBLIC_URL", () => {
  it("When NODE_ENV=production has no PUBLIC_URL, then the configuration is refused naming PUBLIC_URL", () => {
    expect(() => loadConfig({ ...base, NODE_ENV: "production" })).to.throw(/PUBLIC_URL/);
  });

  it("When PUBLIC_URL is not an http(s) address, then the configuration is refused naming PUBLIC_URL", () => {
    expect(() => loadConfig({ ...base, PUBLIC_URL: "javascript:alert(1)" })).to.throw(/PUBLIC_URL/);
    expect(() => loadConfig({ ...base, PUBLIC_URL: "kehou.school.cn" })).to.throw(/PUBLIC_URL/);
  });

  it("When PUBLIC_URL is set, then links use it without a trailing slash; in development without it, localhost and the port", () => {
    expect(loadConfig({ ...base, NODE_ENV: "production", PUBLIC_URL: "https://kehou.school.cn/" }).publicUrl).to.equal(
      "https://kehou.school.cn",
    );
    expect(loadConfig({ ...base, PORT: "3456" }).publicUrl).to.equal("http://localhost:3456");
    expect(loadConfig({ ...base, PUBLIC_URL: " " }).publicUrl).to.equal("http://localhost:3000");
    expect(() => loadConfig({ ...base, NODE_ENV: "production", PUBLIC_URL: "" })).to.throw(/PUBLIC_URL/);
  });

  it("When a kehou command (migrate, demo remove, backup) runs under NODE_ENV=production without PUBLIC_URL, then it still loads: only the server hands out links", () => {
    expect(loadConfig({ ...base, NODE_ENV: "production" }, "command").production).to.equal(true);
  });
});

describe("PUBLIC_URL set or defaulted", () => {
  it("When PUBLIC_URL is set, then the configuration says so; when it is left out or empty, then it says the address is the development default", () => {
    expect(loadConfig({ ...base, PUBLIC_URL: "https://kehou.school.cn" }).publicUrlSet).to.equal(true);
    expect(loadConfig({ ...base }).publicUrlSet).to.equal(false);
    expect(loadConfig({ ...base, PUBLIC_URL: " " }).publicUrlSet).to.equal(false);
  });
});
