import { expect } from "chai";
import { DEFAULT_ESCALATE_MINUTES, escalationMinutes, escalationWindow } from "../../../src/attendance/core";

describe("absence alert escalation rules", () => {
  it("When the setting is missing, malformed, zero or beyond a day, then the default of 15 minutes holds", () => {
    expect(DEFAULT_ESCALATE_MINUTES).to.equal(15);
    for (const v of [undefined, "", "abc", "0", "-5", "1441", "1.5", "99999"])
      expect(escalationMinutes(v), String(v)).to.equal(15);
    expect(escalationMinutes("5")).to.equal(5);
    expect(escalationMinutes(" 30 ")).to.equal(30);
    expect(escalationMinutes("1440")).to.equal(1440);
  });

  it("When the window is computed, then alerts raised up to N minutes ago are due and ones older than the look-back are not", () => {
    const w = escalationWindow(new Date("2026-09-15T08:15:00Z"), 15);
    expect(w.cutoff).to.equal("2026-09-15T08:00:00.000Z");
    expect(w.floor).to.equal("2026-09-14T20:15:00.000Z");
  });
});
