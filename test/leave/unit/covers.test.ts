import { expect } from "chai";
import {
  coversSession,
  leaveForSession,
  leaveMarksOn,
  mayDecide,
  mayWithdraw,
  type LeaveRow,
} from "../../../src/leave/core";

const row = (over: Partial<LeaveRow>): LeaveRow => ({
  id: 1,
  studentId: 7,
  fromDate: "2026-09-15",
  toDate: "2026-09-17",
  entryId: null,
  kind: "sick",
  status: "pending",
  ...over,
});

describe("what a leave request covers", () => {
  it("When a whole-service request spans three days, then it covers every session of each and nothing after", () => {
    const r = row({});
    expect(coversSession(r, "2026-09-16", 42)).to.equal(true);
    expect(coversSession(r, "2026-09-18", 42)).to.equal(false);
    expect(coversSession(r, "2026-09-14", 42)).to.equal(false);
  });

  it("When a request names one session, then only that session is covered", () => {
    const r = row({ fromDate: "2026-09-15", toDate: "2026-09-15", entryId: 5 });
    expect(coversSession(r, "2026-09-15", 5)).to.equal(true);
    expect(coversSession(r, "2026-09-15", 6)).to.equal(false);
  });

  it("When a request was withdrawn, then it covers nothing; a queried one still does", () => {
    expect(coversSession(row({ status: "withdrawn" }), "2026-09-15", 1)).to.equal(false);
    expect(coversSession(row({ status: "queried" }), "2026-09-15", 1)).to.equal(true);
  });

  it("When a child has two one-session requests on a date, then the mark lists both sessions; a whole-day one makes it all", () => {
    const a = row({ id: 1, toDate: "2026-09-15", entryId: 5 });
    const b = row({ id: 2, toDate: "2026-09-15", entryId: 6, kind: "personal" });
    const marks = leaveMarksOn([b, a], "2026-09-15");
    expect(marks.get(7)).to.deep.equal({ requestId: 1, kind: "sick", status: "pending", entryIds: [5, 6] });
    expect(leaveForSession(marks.get(7), 6)?.kind).to.equal("sick");
    expect(leaveForSession(marks.get(7), 9)).to.equal(null);
    const all = leaveMarksOn([a, row({ id: 3, toDate: "2026-09-15" })], "2026-09-15");
    expect(all.get(7)?.entryIds).to.equal("all");
  });

  it("When the first day has come, then the family may no longer withdraw; the teacher answers until the last day", () => {
    const r = row({});
    expect(mayWithdraw(r, "2026-09-14")).to.equal(true);
    expect(mayWithdraw(r, "2026-09-15")).to.equal(false);
    expect(mayDecide(r, "2026-09-17")).to.equal(true);
    expect(mayDecide(r, "2026-09-18")).to.equal(false);
    expect(mayDecide(row({ status: "withdrawn" }), "2026-09-15")).to.equal(false);
  });
});
