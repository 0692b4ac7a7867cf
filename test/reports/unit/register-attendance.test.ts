import { expect } from "chai";
import fc from "fast-check";
import {
  attendanceFigure,
  clubAttendanceFigures,
  HeldSession,
  RegisterMark,
  sessionAttendance,
} from "../../../src/reports/core/register-attendance";
import { weekState } from "../../../src/reports/core/happened";

// Today is Thursday 17 Sep 2026. Choir meets Thursdays (entry c), homework help daily (entry h).
const today = "2026-09-17";
const sessions: HeldSession[] = [
  { entryId: "c", date: "2026-09-10", clubId: "choir", cancelled: null, expected: ["a", "b", "c", "d"] },
  { entryId: "h", date: "2026-09-14", clubId: null, cancelled: null, expected: ["a", "b"] },
  { entryId: "h", date: "2026-09-15", clubId: null, cancelled: "weather", expected: ["a", "b"] },
  { entryId: "h", date: "2026-09-16", clubId: null, cancelled: null, expected: ["a", "b"] },
  { entryId: "c", date: "2026-09-17", clubId: "choir", cancelled: null, expected: ["a", "b", "c", "d"] },
];
const marks: RegisterMark[] = [
  // Choir, 10 Sep: a, b present, c on leave, d absent, and e (not a member) marked present.
  { entryId: "c", date: "2026-09-10", studentId: "a", status: "present" },
  { entryId: "c", date: "2026-09-10", studentId: "b", status: "present" },
  { entryId: "c", date: "2026-09-10", studentId: "c", status: "excused" },
  { entryId: "c", date: "2026-09-10", studentId: "d", status: "absent" },
  { entryId: "c", date: "2026-09-10", studentId: "e", status: "present" },
  { entryId: "h", date: "2026-09-14", studentId: "a", status: "present" },
  { entryId: "h", date: "2026-09-14", studentId: "b", status: "present" },
  // The cancelled session's stray marks and today's register do not count.
  { entryId: "h", date: "2026-09-15", studentId: "a", status: "present" },
  { entryId: "c", date: "2026-09-17", studentId: "a", status: "present" },
];

describe("attendance from registers", () => {
  const rows = sessionAttendance(sessions, marks, today);

  it("When a session is cancelled or has not happened yet (today included), then it is left out", () => {
    expect(rows.map((r) => `${r.entryId} ${r.date}`)).to.deep.equal(["c 2026-09-10", "h 2026-09-14", "h 2026-09-16"]);
  });

  it("When a child not expected is marked present, then they are not attended: choir is 2 of 4, never 3 of 4", () => {
    expect(rows[0]).to.include({ taken: true, expected: 4, attended: 2 });
  });

  it("When a past session has nobody marked, then its register is not taken and it adds nothing to the rate", () => {
    expect(rows[2]).to.include({ taken: false, expected: 2, attended: 0 });
    expect(attendanceFigure(rows)).to.deep.equal({
      rate: { numerator: 4, denominator: 6, value: 4 / 6 },
      sessions: 3,
      registers: 2,
    });
  });

  it("When no register is taken at all, then the rate is no figure, not 0 %", () => {
    expect(attendanceFigure(sessionAttendance(sessions, [], today)).rate.value).to.equal(null);
  });

  it("When a club has no session that happened, then its figure is empty; choir's is 2/4 from 1 register", () => {
    const byClub = clubAttendanceFigures(rows, ["choir", "chess"]);
    expect(byClub.get("choir")).to.deep.equal({
      rate: { numerator: 2, denominator: 4, value: 0.5 },
      sessions: 1,
      registers: 1,
    });
    expect(byClub.get("chess")).to.deep.equal({
      rate: { numerator: 0, denominator: 0, value: null },
      sessions: 0,
      registers: 0,
    });
  });

  it("When any registers are marked for anyone, then attended never exceeds expected and the rate stays within 0–100 %", () => {
    const kids = ["a", "b", "c", "d", "e"];
    const dates = ["2026-09-14", "2026-09-15", "2026-09-16", "2026-09-17", "2026-09-18"];
    fc.assert(
      fc.property(
        fc.array(
          fc.record({
            entryId: fc.constantFrom("x", "y"),
            date: fc.constantFrom(...dates),
            clubId: fc.constant(null),
            cancelled: fc.option(fc.constant("outing"), { nil: null }),
            expected: fc.subarray(kids),
          }),
          { maxLength: 8 },
        ),
        fc.array(
          fc.record({
            entryId: fc.constantFrom("x", "y"),
            date: fc.constantFrom(...dates),
            studentId: fc.constantFrom(...kids),
            status: fc.constantFrom("present" as const, "absent" as const, "excused" as const),
          }),
          { maxLength: 30 },
        ),
        (held, marked) => {
          const r = sessionAttendance(held, marked, "2026-09-17");
          for (const s of r) expect(s.attended).to.be.within(0, s.expected);
          const f = attendanceFigure(r).rate;
          expect(f.numerator).to.be.within(0, f.denominator);
          if (f.value !== null) expect(f.value).to.be.within(0, 1);
        },
      ),
      { numRuns: 200 },
    );
  });
});

describe("weekState", () => {
  it("When none, some or all of a week's school days are before today, then it is planned, current or done", () => {
    const week = ["2026-09-14", "2026-09-15", "2026-09-16"];
    expect(weekState(week, "2026-09-14")).to.equal("planned");
    expect(weekState(week, "2026-09-15")).to.equal("current");
    expect(weekState(week, "2026-09-17")).to.equal("done");
  });
});
