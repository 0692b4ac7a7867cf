// Pure rules of the club choice capability (no database): school time zone
// conversion, days a club needs, the lowered minimum, and round overlaps.
import { expect } from "chai";
import { formatLocal, fromLocalInput, toLocalInput } from "../../../src/kernel";
import { checkSubmission, fitsDays, minimumFor, type Context } from "../../../src/choices/core/preference-rules";
import type { OfferedClub } from "../../../src/choices/core";
import { overlappingRound } from "../../../src/choices/core";
import { ranksOf } from "../../../src/choices/preference-form";
import type { ChoiceRound } from "../../../src/choices/entities";

const club = (id: number, days: number[], grades = [3], extra: Partial<OfferedClub> = {}): OfferedClub => ({
  id,
  code: `c${id}`,
  name: `Club ${id}`,
  category: "arts",
  description: "",
  grades,
  minSize: 0,
  maxSize: 20,
  cancelled: false,
  staffName: null,
  venueName: null,
  meetings: days.map((weekday) => ({ weekday, periodId: 2, periodNo: 2, startTime: "16:50", endTime: "17:50" })),
  ...extra,
});
const ctxOf = (clubs: OfferedClub[], round = { minChoices: 3, maxChoices: 5, maxClubsPerChild: 1 }): Context => ({
  round,
  clubs: new Map(clubs.map((c) => [c.id, c])),
  grade: 3,
});
const ranks = (...ids: number[]) => ids.map((clubId, i) => ({ field: `rank${i + 1}`, clubId }));

describe("club choice rules", () => {
  it("When an admin types 18:00 on 7 Sep in Beijing, then 10:00 UTC is stored and shown back as 18:00", () => {
    expect(fromLocalInput("2026-09-07T18:00", "Asia/Shanghai")).to.equal("2026-09-07T10:00:00.000Z");
    expect(toLocalInput("2026-09-07T10:00:00.000Z", "Asia/Shanghai")).to.equal("2026-09-07T18:00");
    expect(formatLocal("2026-12-31T16:30:00.000Z", "Asia/Shanghai")).to.equal("2027-01-01 00:30");
    expect(fromLocalInput("2026-02-30T10:00", "Asia/Shanghai")).to.equal(null);
    expect(fromLocalInput("tomorrow", "Asia/Shanghai")).to.equal(null);
  });

  it("When a zone has summer time, then the conversion follows its offset on that date", () => {
    expect(fromLocalInput("2026-07-01T12:00", "Europe/Berlin")).to.equal("2026-07-01T10:00:00.000Z");
    expect(fromLocalInput("2026-01-15T12:00", "Europe/Berlin")).to.equal("2026-01-15T11:00:00.000Z");
  });

  it("When a club meets on Tuesday and Thursday, then it fits only a child who comes on both days", () => {
    const both = club(1, [2, 4]);
    expect(fitsDays(both, [4])).to.equal(false);
    expect(fitsDays(both, [2, 4, 5])).to.equal(true);
  });

  it("When fewer clubs than the minimum meet on the chosen days, then the minimum is what exists", () => {
    const ctx = ctxOf([club(1, [4]), club(2, [4]), club(3, [2])]);
    expect(minimumFor(ctx, [4])).to.equal(2);
    expect(minimumFor(ctx, [])).to.equal(0);
    expect(checkSubmission({ weekdays: [4], ranks: ranks(1, 2), maxClubs: 1 }, ctx)).to.deep.equal({});
    expect(checkSubmission({ weekdays: [4], ranks: ranks(1), maxClubs: 1 }, ctx).ranks.key).to.equal(
      "choices.validation.tooFew",
    );
  });

  it("When a cancelled club or one that never meets is ranked, then it is refused as not eligible", () => {
    const ctx = ctxOf([club(1, [4]), club(2, [4], [3], { cancelled: true }), club(3, [])]);
    expect(checkSubmission({ weekdays: [4], ranks: ranks(2, 1), maxClubs: 1 }, ctx).rank1.key).to.equal(
      "choices.validation.ineligible",
    );
    expect(checkSubmission({ weekdays: [4], ranks: ranks(1, 3), maxClubs: 1 }, ctx).rank2.key).to.equal(
      "choices.validation.ineligible",
    );
  });

  it("When rank 2 is left empty and rank 3 filled, then rank 3 counts as the second choice", () => {
    expect(ranksOf({ rank1: "7", rank2: "", rank3: "9", rank10: "4", other: "1" })).to.deep.equal([
      { field: "rank1", clubId: 7 },
      { field: "rank3", clubId: 9 },
      { field: "rank10", clubId: 4 },
    ]);
  });

  it("When two rounds share a club and overlap in time, then the second is refused; other clubs and touching windows are fine", () => {
    const clubs = [
      { id: 1, grades: [3] },
      { id: 2, grades: [4] },
      { id: 3, grades: [5] },
    ];
    const a = {
      id: 1,
      opensAt: "2026-09-01T00:00:00.000Z",
      closesAt: "2026-09-08T00:00:00.000Z",
      grades: [3, 4],
      clubIds: null,
    } as ChoiceRound;
    const during = { opensAt: "2026-09-05T00:00:00.000Z", closesAt: "2026-09-10T00:00:00.000Z" };
    expect(overlappingRound([a], { ...during, grades: [4], clubIds: null }, clubs)).to.equal(a);
    expect(overlappingRound([a], { ...during, grades: [5], clubIds: null }, clubs)).to.equal(null);
    expect(
      overlappingRound(
        [a],
        { opensAt: "2026-09-08T00:00:00.000Z", closesAt: "2026-09-10T00:00:00.000Z", grades: [3], clubIds: null },
        clubs,
      ),
    ).to.equal(null);
    expect(overlappingRound([a], { ...a }, clubs, 1)).to.equal(null);
    const topUp = { id: 2, ...during, grades: [3, 4], clubIds: [2] } as ChoiceRound;
    expect(overlappingRound([topUp], { ...during, grades: [3, 4], clubIds: [1] }, clubs)).to.equal(null);
    expect(overlappingRound([topUp], { ...during, grades: [4], clubIds: null }, clubs)).to.equal(topUp);
  });
});
