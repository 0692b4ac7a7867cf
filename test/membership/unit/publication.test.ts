// What a round's publication changes in the ledger, and from which date.
import { expect } from "chai";
import { alreadyHeld, effectiveDate, publicationPlan, supersededBy } from "../../../src/membership/core";

const open = (id: number, studentId: number, clubId: number, roundId = 1) => ({
  id,
  studentId,
  clubId,
  roundId,
  fromDate: "2026-09-01",
  toDate: null,
});

describe("membership on publication", () => {
  it("When a round is re-published, then only the seats it changes end or begin; kept seats keep their span", () => {
    const plan = publicationPlan(
      [open(1, 10, 7), open(2, 11, 7), open(3, 12, 8)],
      [
        { studentId: 10, clubId: 7 },
        { studentId: 11, clubId: 8 },
        { studentId: 13, clubId: 8 },
      ],
    );
    expect(plan.close.map((s) => s.id)).to.deep.equal([2, 3]);
    expect(plan.open).to.deep.equal([
      { studentId: 11, clubId: 8 },
      { studentId: 13, clubId: 8 },
    ]);
  });

  it("When a round is published the same way again, then nothing changes", () => {
    const plan = publicationPlan([open(1, 10, 7)], [{ studentId: 10, clubId: 7 }]);
    expect(plan).to.deep.equal({ close: [], open: [] });
  });

  it("When another round gives a child a club at the same hour, then that seat replaces the earlier one; one at another hour is kept", () => {
    const slots = new Map([
      [7, ["thu-2"]],
      [8, ["thu-2"]],
      [9, ["tue-2"]],
    ]);
    const held = [open(1, 10, 7), open(2, 11, 7), open(3, 12, 9)];
    const seats = [
      { studentId: 10, clubId: 8 },
      { studentId: 12, clubId: 8 },
    ];
    expect(supersededBy(held, seats, slots).map((s) => s.id)).to.deep.equal([1]);
  });

  it("When another round gives a child the club it already holds, then the older membership stands", () => {
    expect(alreadyHeld([open(1, 10, 7)], { studentId: 10, clubId: 7 })).to.equal(true);
    expect(alreadyHeld([open(1, 10, 7)], { studentId: 10, clubId: 8 })).to.equal(false);
  });

  it("When a round is first published, then its seats start on the round's start, however late it is published", () => {
    const term = { termStart: "2026-09-01", termEnd: "2027-01-20" };
    expect(effectiveDate({ ...term, roundClosed: "2026-08-30", today: "2026-12-06", firstPublication: true })).to.equal(
      "2026-09-01",
    );
    expect(effectiveDate({ ...term, roundClosed: "2026-10-20", today: "2026-10-25", firstPublication: true })).to.equal(
      "2026-10-20",
    );
  });

  it("When a published round changes later, then the change starts today, never before the round nor after the term", () => {
    const term = { termStart: "2026-09-01", termEnd: "2027-01-20" };
    expect(
      effectiveDate({ ...term, roundClosed: "2026-08-30", today: "2026-10-09", firstPublication: false }),
    ).to.equal("2026-10-09");
    expect(
      effectiveDate({ ...term, roundClosed: "2026-08-30", today: "2026-08-31", firstPublication: false }),
    ).to.equal("2026-09-01");
    expect(
      effectiveDate({ ...term, roundClosed: "2026-08-30", today: "2027-03-01", firstPublication: false }),
    ).to.equal("2027-01-20");
  });
});
