// The ledger's interval rules: a membership is [fromDate, toDate), open while toDate is null.
import { expect } from "chai";
import {
  activeDuring,
  activeOn,
  closingDate,
  clubsOf,
  countsOn,
  dateInTerm,
  isEmpty,
  membersOf,
} from "../../../src/membership/core";

const span = (studentId: number, clubId: number, fromDate: string, toDate: string | null = null) => ({
  studentId,
  clubId,
  fromDate,
  toDate,
});

describe("membership spans", () => {
  it("When a span is open, then the child is in the club from its first day on, not the day before", () => {
    expect(activeOn(span(1, 7, "2026-09-01"), "2026-08-31")).to.equal(false);
    expect(activeOn(span(1, 7, "2026-09-01"), "2026-09-01")).to.equal(true);
    expect(activeOn(span(1, 7, "2026-09-01"), "2027-01-20")).to.equal(true);
  });

  it("When a span ends on a date, then that date is the first one without the club", () => {
    const s = span(1, 7, "2026-09-01", "2026-10-15");
    expect(activeOn(s, "2026-10-14")).to.equal(true);
    expect(activeOn(s, "2026-10-15")).to.equal(false);
  });

  it("When a span ends on the day it began, then it is empty and never active", () => {
    const s = span(1, 7, "2026-09-01", "2026-09-01");
    expect(isEmpty(s)).to.equal(true);
    expect(activeOn(s, "2026-09-01")).to.equal(false);
    expect(activeDuring(s, "2026-08-01", "2026-12-01")).to.equal(false);
  });

  it("When asked about a period, then a span that touches one of its days counts and one that ended before does not", () => {
    expect(activeDuring(span(1, 7, "2026-09-01", "2026-09-10"), "2026-09-09", "2026-09-20")).to.equal(true);
    expect(activeDuring(span(1, 7, "2026-09-01", "2026-09-10"), "2026-09-10", "2026-09-20")).to.equal(false);
    expect(activeDuring(span(1, 7, "2026-09-21"), "2026-09-10", "2026-09-20")).to.equal(false);
    expect(activeDuring(span(1, 7, "2026-09-20"), "2026-09-10", "2026-09-20")).to.equal(true);
  });

  it("When a child has two spans of one club, then the child counts once among its members", () => {
    const spans = [
      span(1, 7, "2026-09-01"),
      span(1, 7, "2026-09-05"),
      span(2, 7, "2026-09-01"),
      span(3, 8, "2026-09-01"),
    ];
    expect(membersOf(spans, 7, "2026-09-10")).to.deep.equal([1, 2]);
    expect(countsOn(spans, "2026-09-10")).to.deep.equal(
      new Map([
        [7, 2],
        [8, 1],
      ]),
    );
    expect(countsOn(spans, "2026-08-31")).to.deep.equal(new Map());
  });

  it("When a child changed clubs, then each day has the club of that day", () => {
    const spans = [span(1, 7, "2026-09-01", "2026-10-08"), span(1, 9, "2026-10-08"), span(1, 4, "2026-09-01")];
    expect(clubsOf(spans, 1, "2026-10-07")).to.deep.equal([4, 7]);
    expect(clubsOf(spans, 1, "2026-10-08")).to.deep.equal([4, 9]);
    expect(clubsOf(spans, 2, "2026-10-08")).to.deep.equal([]);
  });

  it("When a span would be closed before it began, then it closes on its first day instead", () => {
    expect(closingDate(span(1, 7, "2026-09-14"), "2026-09-01")).to.equal("2026-09-14");
    expect(closingDate(span(1, 7, "2026-09-01"), "2026-09-14")).to.equal("2026-09-14");
  });

  it("When today is outside the term, then a now-question is asked of the term's nearest day", () => {
    expect(dateInTerm("2026-08-20", "2026-09-01", "2027-01-20")).to.equal("2026-09-01");
    expect(dateInTerm("2026-10-20", "2026-09-01", "2027-01-20")).to.equal("2026-10-20");
    expect(dateInTerm("2027-02-01", "2026-09-01", "2027-01-20")).to.equal("2027-01-20");
  });
});
