import { expect } from "chai";
import { escalationWindow } from "../../../src/attendance/core";

describe("absence alert escalation rules", () => {
  it("When the window is computed, then alerts raised up to N minutes ago are due and ones older than the look-back are not", () => {
    const w = escalationWindow(new Date("2026-09-15T08:15:00Z"), 15);
    expect(w.cutoff).to.equal("2026-09-15T08:00:00.000Z");
    expect(w.floor).to.equal("2026-09-14T20:15:00.000Z");
  });

  it("When the delay is one minute, then an alert raised a minute ago is due", () => {
    expect(escalationWindow(new Date("2026-09-15T08:01:00Z"), 1).cutoff).to.equal("2026-09-15T08:00:00.000Z");
  });
});
