import { expect } from "chai";
import { clubReport, ClubReportInput } from "../../../src/reports/core/club-report";

const input: ClubReportInput = {
  clubs: [
    { id: "choir", name: "合唱", maxSize: 3 },
    { id: "chess", name: "国际象棋", maxSize: 2 },
    { id: "abacus", name: "珠心算", maxSize: 4 },
    { id: "dance", name: "舞蹈", maxSize: 0 },
  ],
  allocation: {
    assignments: { S1: ["choir"], S2: ["choir"], S3: ["chess"], S4: ["choir"], S5: [], S6: ["abacus"] },
    waitlists: { chess: ["S1", "S2"], choir: [] },
    // S1, S3, S4 at 1st choice; S2 at 2nd; S6 pinned to abacus, which is not on the list
    metrics: { placements: 5, rankCounts: [3, 1] },
  },
  choices: { S1: ["choir", "chess"], S2: ["chess", "choir"], S3: ["chess"], S4: ["choir"], S5: ["chess"], S6: [] },
  // Club sessions that happened, with their registers: choir's third session has no register yet.
  attendance: [
    { entryId: "e1", clubId: "choir", date: "2026-09-10", taken: true, expected: 3, attended: 2 },
    { entryId: "e1", clubId: "choir", date: "2026-09-17", taken: true, expected: 3, attended: 3 },
    { entryId: "e1", clubId: "choir", date: "2026-09-24", taken: false, expected: 3, attended: 0 },
    { entryId: "e2", clubId: "chess", date: "2026-09-10", taken: true, expected: 1, attended: 1 },
  ],
};

describe("clubReport", () => {
  const report = clubReport(input);
  const row = (id: string) => report.clubs.find((c) => c.clubId === id)!;

  it("When choir has 3 members for 3 seats and chess 1 for 2, then fill is 3/3 and 1/2", () => {
    expect(row("choir")).to.include({ members: 3, maxSize: 3 });
    expect(row("choir").fill).to.deep.equal({ numerator: 3, denominator: 3, value: 1 });
    expect(row("chess").fill).to.deep.equal({ numerator: 1, denominator: 2, value: 0.5 });
  });

  it("When a club has no seats, then its fill rate is null, not NaN", () => {
    expect(row("dance").fill.value).to.equal(null);
  });

  it("When two children wait for chess, then its waitlist length is 2 and a club missing from the waitlists has 0", () => {
    expect(row("chess").waitlist).to.equal(2);
    expect(row("abacus").waitlist).to.equal(0);
  });

  it("When choir's two registers show 2 of 3 and 3 of 3 members, and a third has no register, then attendance is 5/6 from 2 of 3 registers", () => {
    expect(row("choir").attendance).to.deep.equal({ numerator: 5, denominator: 6, value: 5 / 6 });
    expect(row("choir").registers).to.equal("2/3");
    expect(row("chess").attendance.value).to.equal(1);
  });

  it("When no register is taken yet, then the attendance rate is null", () => {
    expect(row("abacus").attendance).to.deep.equal({ numerator: 0, denominator: 0, value: null });
    expect(row("abacus").registers).to.equal("0/0");
  });

  it("When 3 of 5 placements are first choices, 1 second and 1 a pin off the list, then the profile is 3/5, 1/5 and 1/5 unranked", () => {
    const p = report.rankProfile;
    expect(p.ranks.map((r) => [r.rank, r.count, r.share.numerator, r.share.denominator])).to.deep.equal([
      [1, 3, 3, 5],
      [2, 1, 1, 5],
    ]);
    expect(p.unranked.count).to.equal(1);
    expect(p.unranked.share.value).to.equal(0.2);
  });

  it("When choices are given, then choir's own profile is 2 firsts (S1, S4) and 1 second (S2) of 3", () => {
    const p = row("choir").rankProfile!;
    expect(p.ranks.map((r) => r.count)).to.deep.equal([2, 1]);
    expect(p.unranked.count).to.equal(0);
    expect(row("abacus").rankProfile!.unranked).to.deep.equal({
      count: 1,
      share: { numerator: 1, denominator: 1, value: 1 },
    });
  });

  it("When the allocation placed nobody, then every share is null", () => {
    const empty = clubReport({
      ...input,
      allocation: { assignments: {}, waitlists: {}, metrics: { placements: 0, rankCounts: [0, 0] } },
    });
    expect(empty.rankProfile.ranks.map((r) => r.share.value)).to.deep.equal([null, null]);
    expect(empty.clubs.map((c) => c.members)).to.deep.equal([0, 0, 0, 0]);
  });
});
