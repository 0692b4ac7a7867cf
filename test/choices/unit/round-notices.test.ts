// When a round's notices are due (issue 21): pure rules of choices/core.
import { expect } from "chai";
import { deadlineReminderDue, openingDue } from "../../../src/choices/core/round-notices";

describe("choices: when a round's notices are due", () => {
  const round = { opensAt: "2026-09-01T00:00:00.000Z", closesAt: "2026-09-08T10:00:00.000Z" };

  it("When the round is upcoming, open or closed, then its opening notice is due only while it is open", () => {
    expect(openingDue(round, "2026-08-31T23:59:59.999Z")).to.equal(false);
    expect(openingDue(round, round.opensAt)).to.equal(true);
    expect(openingDue(round, "2026-09-08T09:59:59.999Z")).to.equal(true);
    expect(openingDue(round, round.closesAt)).to.equal(false);
  });

  it("When the deadline is 48 hours away or nearer, then the reminder is due, until the round closes", () => {
    expect(deadlineReminderDue(round, "2026-09-06T09:59:59.999Z")).to.equal(false);
    expect(deadlineReminderDue(round, "2026-09-06T10:00:00.000Z")).to.equal(true);
    expect(deadlineReminderDue(round, "2026-09-08T09:59:00.000Z")).to.equal(true);
    expect(deadlineReminderDue(round, round.closesAt)).to.equal(false);
  });

  it("When a round opens inside its last 48 hours, then no reminder follows its opening notice", () => {
    const short = { opensAt: "2026-09-07T10:00:00.000Z", closesAt: "2026-09-08T10:00:00.000Z" };
    expect(deadlineReminderDue(short, "2026-09-07T12:00:00.000Z")).to.equal(false);
  });
});
