import { expect } from "chai";
import { buildFacts, schoolDays, type GradeDayValues, type PolicyInput } from "../../../src/policy";
import { smallSchool } from "../../fixtures/policy/small-school";
import { violationsOf } from "../../fixtures/policy/run-rule";

// Mid-Autumn 2026: Fri 25 Sep off, Sun 20 Sep a make-up school day.
function midAutumnWeek(runsWeekday: 1 | 5): PolicyInput {
  const input = smallSchool();
  input.term = {
    startDate: "2026-09-19",
    endDate: "2026-09-25",
    specialDays: [
      { date: "2026-09-20", kind: "makeup", runsWeekday },
      { date: "2026-09-25", kind: "holiday" },
    ],
  };
  // Only Friday has sport in the service; Monday has PE instead of nothing.
  input.entries = input.entries.filter((e) => e.kind !== "sport" || e.weekday === 5);
  input.dailySport = input.dailySport.map((d) => ({ ...d, peMinutes: d.weekday === 5 ? 0 : 40 }));
  input.dailySport.find((d) => d.weekday === 1)!.peMinutes = 0;
  return input;
}

describe("make-up days (调休)", () => {
  it("When Sunday 20 Sep is a make-up day running Friday, then it is a school day on Friday's timetable and the holiday Friday is not", () => {
    const days = schoolDays(midAutumnWeek(5).term);
    expect(days.map((d) => [d.date, d.weekday])).to.deep.equal([
      ["2026-09-20", 5],
      ["2026-09-21", 1],
      ["2026-09-22", 2],
      ["2026-09-23", 3],
      ["2026-09-24", 4],
    ]);
    expect(days[0]).to.include({ isMakeUpDay: true, calendarWeekday: 7 });
  });

  it("When the make-up Sunday runs Friday's timetable, then its sport counts Friday's service sport and it passes", async () => {
    const input = midAutumnWeek(5);
    const sunday = (buildFacts(input, ["gradeDay"]).gradeDay ?? []).find(
      (f) => (f.values as GradeDayValues).date === "2026-09-20",
    );
    expect(sunday?.values).to.include({ weekday: 5, isMakeUpDay: true, serviceSportMinutes: 60, sportMinutes: 90 });
    const found = await violationsOf(input, "daily-sport-hour");
    expect(found.map((v) => v.target.date)).to.deep.equal(["2026-09-21"]); // the real Monday: 30 min only
  });

  it("When the make-up Sunday runs Monday's timetable, then it is reported as a Monday-timetable day short of sport", async () => {
    const found = await violationsOf(midAutumnWeek(1), "daily-sport-hour");
    expect(found.map((v) => [v.target.date, v.target.weekday])).to.deep.equal([
      ["2026-09-20", 1],
      ["2026-09-21", 1],
    ]);
    expect(found[0].message["zh-CN"]).to.contain("按周一课表");
  });

  it("When a make-up Saturday has no weekday set, then the policy check refuses the calendar (the kernel's rule) instead of guessing", async () => {
    const input = smallSchool();
    input.term = {
      startDate: "2026-10-10",
      endDate: "2026-10-10",
      specialDays: [{ date: "2026-10-10", kind: "makeup" }],
    };
    let refused: unknown = null;
    await violationsOf(input, "daily-sport-hour").catch((e: unknown) => {
      refused = e;
    });
    expect(String(refused)).to.match(/2026-10-10.*runsWeekday/);
  });
});
