// What `npm start` prints for each plan: the setup token on stderr only.
import { expect } from "chai";
import { startMessage } from "../../../src/setup/core/start-message";
import { demoLogins } from "../../../seeds/demo";

describe("Start-up messages", () => {
  it("When setup needs a token, then the token is on stderr and not on stdout (where the JSON logs go)", () => {
    const { stdout, stderr } = startMessage("http://localhost:3000", {
      kind: "setup",
      token: "tok_ABCDEFGHIJKLMNOPQRSTUVWXYZ",
      expiresAt: "2026-12-07T00:00:00.000Z",
      demo: false,
    });
    expect(stderr)
      .to.contain("setup token: tok_ABCDEFGHIJKLMNOPQRSTUVWXYZ")
      .and.contain("/setup")
      .and.contain("kehou setup-token");
    expect(stdout).to.not.contain("tok_ABCDEFGHIJKLMNOPQRSTUVWXYZ");
  });

  it("When production refuses, then stderr says how to remove the demo and stdout is silent", () => {
    const { stdout, stderr } = startMessage("http://localhost:3000", {
      kind: "refuse",
      message: "use kehou demo remove",
    });
    expect(stderr).to.contain("kehou demo remove");
    expect(stdout).to.equal("");
  });

  it("When the demo was just seeded, then stdout says so and prints its logins", () => {
    const { stdout } = startMessage("http://localhost:3000", { kind: "seeded", logins: demoLogins() });
    expect(stdout).to.contain("admin@kehou.demo").and.contain("demo data");
  });
});
