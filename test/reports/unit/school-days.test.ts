import { expect } from "chai";
import { calendarWeekday, schoolWeeks } from "../../../src/reports/core/school-days";

describe("school days", () => {
  it("When a date is Sun 20 Sep 2026, then its calendar weekday is 7", () => {
    expect(calendarWeekday("2026-09-20")).to.equal(7);
    expect(calendarWeekday("2026-09-07")).to.equal(1);
  });

  it("When a make-up day (调休) runs Thursday's timetable, then its weekday is 4, not its calendar day", () => {
    const [week] = schoolWeeks([
      { weekStart: "2026-09-14", schoolDays: ["2026-09-18", { date: "2026-09-20", weekday: 4 }] },
    ]);
    expect(week.days).to.deep.equal([
      { date: "2026-09-18", weekday: 5 },
      { date: "2026-09-20", weekday: 4 },
    ]);
  });

  it("When a week has no school days, then it is left out", () => {
    const weeks = schoolWeeks([
      { weekStart: "2026-09-28", schoolDays: ["2026-09-28"] },
      { weekStart: "2026-10-05", schoolDays: [] },
    ]);
    expect(weeks.map((w) => w.weekStart)).to.deep.equal(["2026-09-28"]);
  });

  it("When a date is not a real YYYY-MM-DD date, then it throws naming the field", () => {
    expect(() => schoolWeeks([{ weekStart: "2026-09-07", schoolDays: ["2026-02-30"] }])).to.throw(
      RangeError,
      "weeks[0].schoolDays[0].date",
    );
    expect(() => schoolWeeks([{ weekStart: "7/9/2026", schoolDays: [] }])).to.throw(RangeError, "weeks[0].weekStart");
  });
});
