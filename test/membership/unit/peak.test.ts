// The capacity guard's question to the ledger: a club's most members on one
// date of a range. Checked against counting every date of the range.
import { expect } from "chai";
import { membersOf, peakOf, type Span } from "../../../src/membership/core";
import { addDays, datesBetween } from "../../../src/kernel/core";

const span = (studentId: number, clubId: number, fromDate: string, toDate: string | null = null): Span => ({
  studentId,
  clubId,
  fromDate,
  toDate,
});

describe("membership peak", () => {
  it("When children join and leave at different dates, then the peak is the most on one date, at the first date it is reached", () => {
    const spans = [
      span(1, 7, "2026-09-01", "2026-10-01"),
      span(2, 7, "2026-09-15"),
      span(3, 7, "2026-10-01"),
      span(4, 7, "2026-10-10", "2026-10-12"),
      span(5, 8, "2026-09-01"), // another club
      span(6, 7, "2026-10-05", "2026-10-05"), // an empty span: a seat never held
    ];
    expect(peakOf(spans, 7, "2026-09-01", "2027-01-15")).to.deep.equal({ count: 3, date: "2026-10-10" });
    expect(peakOf(spans, 7, "2026-09-01", "2026-10-09")).to.deep.equal({ count: 2, date: "2026-09-15" });
    expect(peakOf(spans, 7, "2026-10-12", "2027-01-15")).to.deep.equal({ count: 2, date: "2026-10-12" });
    expect(peakOf(spans, 9, "2026-09-01", "2027-01-15")).to.deep.equal({ count: 0, date: "2026-09-01" });
  });

  it("When spans are generated at random, then the peak equals the largest day count over the range", () => {
    let seed = 17;
    const rand = (n: number) => {
      seed = (seed * 1103515245 + 12345) % 2147483648;
      return seed % n;
    };
    for (let round = 0; round < 50; round++) {
      const spans = Array.from({ length: 12 }, (_, i) => {
        const from = addDays("2026-09-01", rand(60));
        return span(i % 8, 1 + rand(2), from, rand(3) === 0 ? null : addDays(from, rand(40)));
      });
      const [from, to] = ["2026-09-10", "2026-10-20"];
      const days = datesBetween(from, to).map((d) => membersOf(spans, 1, d).length);
      const best = Math.max(...days);
      const peak = peakOf(spans, 1, from, to);
      expect(peak.count, JSON.stringify(spans)).to.equal(best);
      expect(membersOf(spans, 1, peak.date).length).to.equal(best);
      expect(days.indexOf(best)).to.equal(datesBetween(from, to).indexOf(peak.date));
    }
  });
});
