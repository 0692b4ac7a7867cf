// Bad feed input is refused with the field named, before any ICS is written.
import { expect } from "chai";
import { buildCalendar, CalendarInputError } from "../../../src/feeds/core";
import type { FeedInput } from "../../../src/feeds/core";
import { demoFeed, demoSessions } from "./demo-term";

function refusal(feed: FeedInput): CalendarInputError {
  try {
    buildCalendar(feed);
  } catch (err) {
    expect(err).to.be.instanceOf(CalendarInputError);
    return err as CalendarInputError;
  }
  throw new Error("buildCalendar accepted bad input");
}

function withFirstSession(change: Record<string, unknown>): FeedInput {
  const [first, ...rest] = demoSessions();
  return demoFeed({ sessions: [{ ...first, ...change }, ...rest] });
}

describe("normalizeFeed refusals", () => {
  it("When a make-up day falls on a weekday, then it is refused (two timetables would run)", () => {
    const err = refusal(demoFeed({ specialDays: [{ date: "2026-09-21", kind: "makeup", runsWeekday: 5, name: "x" }] }));
    expect(err.field).to.equal("specialDays[0].date");
  });

  it("When a make-up day does not say which weekday it runs, then it is refused", () => {
    expect(refusal(demoFeed({ specialDays: [{ date: "2026-09-20", kind: "makeup", name: "x" }] })).field).to.equal(
      "specialDays[0].runsWeekday",
    );
  });

  it("When one date is listed twice as a special day, then it is refused", () => {
    const day = { date: "2026-10-01", kind: "holiday" as const, name: "国庆节" };
    expect(refusal(demoFeed({ specialDays: [day, { ...day, kind: "exam" }] })).field).to.equal("specialDays[1].date");
  });

  it("When two sessions share a key, then it is refused (UIDs would collide)", () => {
    const sessions = demoSessions();
    expect(refusal(demoFeed({ sessions: [...sessions, { ...sessions[0] }] })).field).to.equal(
      `sessions[${sessions.length}].key`,
    );
  });

  it("When a key could break the UID line, then it is refused", () => {
    for (const key of ["a\nUID:x", "choir@x", "a+20260920", "", "雅"])
      expect(refusal(withFirstSession({ key })).field, key).to.equal("sessions[0].key");
  });

  it("When a date is not a real calendar date, then it is refused", () => {
    expect(refusal(demoFeed({ term: { startDate: "2026-02-30", endDate: "2027-01-15" } })).field).to.equal(
      "term.startDate",
    );
    expect(refusal(withFirstSession({ cancelledDates: ["2026/10/10"] })).field).to.equal(
      "sessions[0].cancelledDates[0]",
    );
  });

  it("When a session ends before it starts or a time is malformed, then it is refused", () => {
    expect(refusal(withFirstSession({ start: "16:40", end: "15:40" })).field).to.equal("sessions[0].end");
    expect(refusal(withFirstSession({ start: "4pm" })).field).to.equal("sessions[0].start");
  });

  it("When a session is on a weekend or has a bad sequence or lastModified, then it is refused", () => {
    expect(refusal(withFirstSession({ weekday: 6 })).field).to.equal("sessions[0].weekday");
    expect(refusal(withFirstSession({ sequence: -1 })).field).to.equal("sessions[0].sequence");
    expect(refusal(withFirstSession({ lastModified: "yesterday" })).field).to.equal("sessions[0].lastModified");
    expect(refusal(withFirstSession({ lastModified: "2026-08-20T08:00:00" })).field).to.equal(
      "sessions[0].lastModified",
    );
  });

  it("When the zone, UID domain, PRODID or refresh interval is wrong, then it is refused", () => {
    expect(refusal(demoFeed({ timezone: "Mars/Olympus" })).field).to.equal("timezone");
    expect(refusal(demoFeed({ uidDomain: "kehou.local\nX:1" })).field).to.equal("uidDomain");
    expect(refusal(demoFeed({ prodId: "Kehou" })).field).to.equal("prodId");
    expect(refusal(demoFeed({ refreshMinutes: 0 })).field).to.equal("refreshMinutes");
  });

  it("When optional fields are left out, then the defaults (Asia/Shanghai, 6 h, Kehou PRODID) apply", () => {
    const { timezone: _t, refreshMinutes: _r, prodId: _p, specialDays: _s, ...rest } = demoFeed();
    const ics = buildCalendar(rest);
    expect(ics).to.contain("DTSTART;TZID=Asia/Shanghai:");
    expect(ics).to.contain("REFRESH-INTERVAL;VALUE=DURATION:PT6H");
    expect(ics).to.contain("PRODID:-//Kehou//Kehou Calendar//EN");
  });
});
