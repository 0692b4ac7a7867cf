// Issue 17: the make-up-day rule lived twice (policy's calendar and the feeds'
// term plan) and the two disagreed on a make-up date that names no weekday.
// Every reader must now give the same answer: such a day is refused.
import { expect } from "chai";
import { expectedOccurrences } from "../../../src/feeds/core";
import { schoolDays } from "../../../src/policy";
import { demoFeed } from "../../feeds/unit/demo-term";

const term = (date: string) => ({
  startDate: "2026-09-14",
  endDate: "2026-09-27",
  specialDays: [{ date, kind: "makeup" as const }],
});

describe("one make-up-day rule for policy and feeds", () => {
  it("When a make-up Monday names no weekday, then policy refuses it as the feeds do", () => {
    const feed = demoFeed({ specialDays: [{ date: "2026-09-21", kind: "makeup", name: "调休" }] });
    expect(() => expectedOccurrences(feed)).to.throw();
    expect(() => schoolDays(term("2026-09-21"))).to.throw(/runsWeekday/);
  });

  it("When a make-up Saturday names no weekday, then policy refuses it as the feeds do", () => {
    const feed = demoFeed({ specialDays: [{ date: "2026-09-26", kind: "makeup", name: "调休" }] });
    expect(() => expectedOccurrences(feed)).to.throw(/runsWeekday/);
    expect(() => schoolDays(term("2026-09-26"))).to.throw(/runsWeekday/);
  });
});
