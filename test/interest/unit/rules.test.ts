import { expect } from "chai";
import { checkTicks, clubCounts, demandOrder, openOverlap, progressOf, surveyState } from "../../../src/interest/core";

const clubs = [
  { id: 1, grades: [1, 2, 3] },
  { id: 2, grades: [3, 4] },
  { id: 3, grades: [3, 4, 5, 6] },
  { id: 4, grades: [5, 6] },
];
const limits = { clubs, maxTicks: 2, grade: 3 };

describe("interest survey rules", () => {
  describe("surveyState", () => {
    const s = (opensAt: string | null) => ({ opensAt, closesAt: "2026-09-10T10:00:00.000Z" });
    it("When a survey was never opened, then it is a draft whatever the time", () => {
      expect(surveyState(s(null), "2026-09-01T00:00:00.000Z")).to.equal("draft");
      expect(surveyState(s(null), "2026-09-20T00:00:00.000Z")).to.equal("draft");
    });
    it("When an opened survey's deadline is ahead, then it is open; at the deadline it is closed", () => {
      expect(surveyState(s("2026-09-01T00:00:00.000Z"), "2026-09-10T09:59:59.999Z")).to.equal("open");
      expect(surveyState(s("2026-09-01T00:00:00.000Z"), "2026-09-10T10:00:00.000Z")).to.equal("closed");
    });
  });

  describe("checkTicks", () => {
    it("When clubs of the child's grade are ticked, then they come back in the survey's order", () => {
      const out = checkTicks({ clubIds: [3, 1], mostWantedClubId: 3 }, limits);
      expect(out).to.deep.equal({ ok: true, ticks: { clubIds: [1, 3], mostWantedClubId: 3 } });
    });
    it("When nothing is ticked, then the clubs field says to tick one", () => {
      const out = checkTicks({ clubIds: [], mostWantedClubId: null }, limits);
      expect(out.ok || out.objection).to.deep.equal({ field: "clubIds", key: "interest.validation.none" });
    });
    it("When more clubs are ticked than the survey allows, then the limit is named", () => {
      const out = checkTicks({ clubIds: [1, 2, 3], mostWantedClubId: null }, limits);
      expect(out.ok || out.objection).to.deep.equal({
        field: "clubIds",
        key: "interest.validation.tooMany",
        params: { max: 2 },
      });
    });
    it("When a club of another grade is ticked, then it is refused even within the limit", () => {
      const out = checkTicks({ clubIds: [4], mostWantedClubId: null }, limits);
      expect(out.ok || out.objection).to.deep.include({ key: "interest.validation.notOffered" });
    });
    it("When the most wanted club is not among the ticked ones, then that field is named", () => {
      const out = checkTicks({ clubIds: [1], mostWantedClubId: 2 }, limits);
      expect(out.ok || out.objection).to.deep.include({ field: "mostWantedClubId" });
    });
  });

  it("When a most wanted club is marked, then the demand lists it first and the rest in the survey's order", () => {
    expect(demandOrder({ clubIds: [1, 2, 3], mostWantedClubId: 3 })).to.deep.equal([3, 1, 2]);
    expect(demandOrder({ clubIds: [1, 2], mostWantedClubId: null })).to.deep.equal([1, 2]);
  });

  it("When another survey of the term is open for a shared grade, then opening is refused; a closed or draft one does not count", () => {
    const now = "2026-09-05T00:00:00.000Z";
    const mine = { id: 1, name: "A", grades: [3, 4], opensAt: null, closesAt: "2026-09-10T00:00:00.000Z" };
    const open = {
      id: 2,
      name: "B",
      grades: [4, 5],
      opensAt: "2026-09-01T00:00:00.000Z",
      closesAt: "2026-09-09T00:00:00.000Z",
    };
    const closed = { ...open, id: 3, closesAt: "2026-09-04T00:00:00.000Z" };
    const draft = { ...open, id: 4, opensAt: null };
    const otherGrades = { ...open, id: 5, grades: [1] };
    expect(openOverlap(mine, [mine, open], now)?.name).to.equal("B");
    expect(openOverlap(mine, [mine, closed, draft, otherGrades], now)).to.equal(null);
  });

  it("When answers are counted, then clubs are sorted by ticks, then most wanted, with ticks by grade", () => {
    const rows = clubCounts(
      [
        { id: 1, name: "合唱" },
        { id: 2, name: "围棋" },
        { id: 3, name: "足球" },
      ],
      [3, 4],
      [
        { grade: 3, clubIds: [2, 3], mostWantedClubId: 3 },
        { grade: 4, clubIds: [2, 3], mostWantedClubId: 3 },
        { grade: 4, clubIds: [1], mostWantedClubId: null },
      ],
    );
    expect(rows.map((r) => [r.name, r.ticks, r.mostWanted])).to.deep.equal([
      ["足球", 2, 2],
      ["围棋", 2, 0],
      ["合唱", 1, 0],
    ]);
    expect(rows[0].byGrade).to.deep.equal({ 3: 1, 4: 1 });
  });

  it("When children answer, then progress counts answered over expected by grade and class", () => {
    const p = progressOf(
      [
        { id: 1, grade: 3, classId: 10, className: "三(1)" },
        { id: 2, grade: 3, classId: 10, className: "三(1)" },
        { id: 3, grade: 3, classId: 11, className: "三(2)" },
        { id: 4, grade: 4, classId: 12, className: "四(1)" },
      ],
      new Set([1, 4]),
    );
    expect(p.totals).to.deep.equal({ answered: 2, expected: 4 });
    expect(p.grades.map((g) => [g.grade, g.answered, g.expected])).to.deep.equal([
      [3, 1, 3],
      [4, 1, 1],
    ]);
    expect(p.grades[0].classes.map((c) => [c.className, c.answered, c.expected])).to.deep.equal([
      ["三(1)", 1, 2],
      ["三(2)", 0, 1],
    ]);
  });
});
