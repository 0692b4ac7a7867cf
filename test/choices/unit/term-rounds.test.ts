// The pure rules of rounds over a term (issue 18): which round is the main
// round, which rounds come later, which clubs a round covers, and the fixed
// effective date kept inside the term.
import { expect } from "chai";
import { coversClub, fixedEffectiveDate, laterRounds, roundKindOf } from "../../../src/choices/core/term-rounds";

describe("choices: rounds over a term", () => {
  const main = { id: 4, opensAt: "2026-08-20T00:00:00.000Z" };
  const topUp = { id: 2, opensAt: "2026-10-01T00:00:00.000Z" };
  const sameOpening = { id: 5, opensAt: "2026-08-20T00:00:00.000Z" };

  it("When rounds open one after another, then the first is the main round and later ones are top-ups (the same opening goes by id)", () => {
    const rounds = [topUp, main, sameOpening];
    expect(roundKindOf(rounds, main)).to.equal("main");
    expect(roundKindOf(rounds, topUp)).to.equal("topUp");
    expect(roundKindOf(rounds, sameOpening)).to.equal("topUp");
    expect(roundKindOf([topUp], topUp)).to.equal("main");
  });

  it("When asked for the rounds after one, then only those opening later (or at once with a higher id) are listed", () => {
    expect(laterRounds([topUp, main, sameOpening], main).map((r) => r.id)).to.deep.equal([2, 5]);
    expect(laterRounds([topUp, main, sameOpening], topUp)).to.deep.equal([]);
  });

  it("When a round names clubs, then it covers only those open to its grades; naming none covers every club of its grades", () => {
    const choir = { id: 7, grades: [1, 2, 3] };
    expect(coversClub({ grades: [3], clubIds: null }, choir)).to.equal(true);
    expect(coversClub({ grades: [4], clubIds: null }, choir)).to.equal(false);
    expect(coversClub({ grades: [3], clubIds: [] }, choir)).to.equal(true);
    expect(coversClub({ grades: [3], clubIds: [8] }, choir)).to.equal(false);
    expect(coversClub({ grades: [3], clubIds: [7, 8] }, choir)).to.equal(true);
    expect(coversClub({ grades: [5], clubIds: [7] }, choir)).to.equal(false);
  });

  it("When a round closes before, during or after the term, then its effective date is kept inside the term", () => {
    const term = { startDate: "2026-09-01", endDate: "2027-01-20" };
    expect(fixedEffectiveDate("2026-08-30", term)).to.equal("2026-09-01");
    expect(fixedEffectiveDate("2026-10-09", term)).to.equal("2026-10-09");
    expect(fixedEffectiveDate("2027-02-01", term)).to.equal("2027-01-20");
  });
});
