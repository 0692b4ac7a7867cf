import { expect } from "chai";
import { rangeProblems, schoolDaysIn, type RangeContext } from "../../../src/leave/core";
import { schoolDays } from "../../../src/kernel/core";

// The demo autumn term's calendar around National Day: 1–7 Oct off, Sat 10 Oct a make-up day (调休).
const calendar = {
  startDate: "2026-09-01",
  endDate: "2027-01-15",
  specialDays: [
    ...["2026-10-01", "2026-10-02", "2026-10-05", "2026-10-06", "2026-10-07"].map((date) => ({
      date,
      kind: "holiday" as const,
    })),
    { date: "2026-10-10", kind: "makeup" as const, runsWeekday: 3 },
  ],
};
const ctx: RangeContext = {
  today: "2026-09-15",
  term: { startDate: calendar.startDate, endDate: calendar.endDate },
  schoolDates: schoolDays(calendar).map((d) => d.date),
};
const keys = (from: string, to: string, c: RangeContext = ctx) =>
  rangeProblems({ fromDate: from, toDate: to }, c).map((p) => `${p.field}:${p.key}`);

describe("leave request dates (rangeProblems)", () => {
  it("When a family asks leave for today, then it is allowed (a child falls ill in the morning)", () => {
    expect(keys("2026-09-15", "2026-09-15")).to.deep.equal([]);
  });

  it("When the first day is yesterday, then the first day is named as in the past", () => {
    expect(keys("2026-09-14", "2026-09-15")).to.deep.equal(["fromDate:leave.validation.past"]);
  });

  it("When the last day is before the first, then the last day is named", () => {
    expect(keys("2026-09-18", "2026-09-16")).to.deep.equal(["toDate:leave.validation.beforeStart"]);
  });

  it("When a date lies outside the term, then that field is named with the term's dates", () => {
    const [p] = rangeProblems({ fromDate: "2027-01-20", toDate: "2027-01-21" }, ctx);
    expect(p).to.deep.include({ field: "fromDate", key: "leave.validation.outsideTerm" });
    expect(p.params).to.deep.equal({ start: "2026-09-01", end: "2027-01-15" });
    expect(keys("2026-09-16", "2027-02-01")).to.deep.equal(["toDate:leave.validation.outsideTerm"]);
  });

  it("When the range holds only holidays and a weekend, then it is refused: there is no school day to miss", () => {
    expect(keys("2026-10-01", "2026-10-07")).to.deep.equal(["fromDate:leave.validation.noSchoolDay"]);
    expect(keys("2026-09-19", "2026-09-19")).to.deep.equal(["fromDate:leave.validation.noSchoolDay"]);
  });

  it("When a make-up Saturday is asked for, then it counts as a school day", () => {
    expect(keys("2026-10-10", "2026-10-10")).to.deep.equal([]);
    expect(schoolDaysIn({ fromDate: "2026-10-01", toDate: "2026-10-11" }, ctx.schoolDates)).to.deep.equal([
      "2026-10-08",
      "2026-10-09",
      "2026-10-10",
    ]);
  });

  it("When the range holds 30 school days it is allowed, and 31 is refused on the last day", () => {
    const thirtieth = ctx.schoolDates[ctx.schoolDates.indexOf("2026-09-15") + 29];
    const thirtyFirst = ctx.schoolDates[ctx.schoolDates.indexOf("2026-09-15") + 30];
    expect(keys("2026-09-15", thirtieth)).to.deep.equal([]);
    expect(keys("2026-09-15", thirtyFirst)).to.deep.equal(["toDate:leave.validation.tooLong"]);
    expect(keys("2026-09-15", "2026-09-21", { ...ctx, maxSchoolDays: 3 })).to.deep.equal([
      "toDate:leave.validation.tooLong",
    ]);
  });

  it("When both dates are wrong, then each field names its own problem", () => {
    expect(keys("2026-08-01", "2026-07-01")).to.deep.equal([
      "fromDate:leave.validation.outsideTerm",
      "toDate:leave.validation.beforeStart",
    ]);
  });
});
