import { expect } from "chai";
import { buildFacts, type PolicyFact, type PolicyInput, type TimetableEntry } from "../../../src/policy";
import { smallSchool } from "../../fixtures/policy/small-school";
import { violationsOf } from "../../fixtures/policy/run-rule";

// The per-child plain data the database layer hands in beside the timetable.
interface ChildIn {
  id: string;
  name: string;
  grade: number;
  classId: string;
  serviceDays: number[];
}
interface SeatIn {
  childId: string;
  clubId: string;
  fromDate: string;
  toDate: string | null;
}

const ALL_WEEK = [1, 2, 3, 4, 5];

// Grade 3 over two weeks: homework 15:40–16:40 daily, sport 16:50–17:50 except on
// Thursdays, when two clubs meet in that period instead (PE that day, so sport is met).
function clubThursdays(children: ChildIn[], seats: SeatIn[], extra: TimetableEntry[] = []): PolicyInput {
  const input = smallSchool();
  input.term = { startDate: "2026-09-07", endDate: "2026-09-18", specialDays: [] };
  input.entries = input.entries.filter((e) => !(e.kind === "sport" && e.weekday === 4));
  input.entries.push(
    {
      id: "k1",
      weekday: 4,
      periodId: "p2",
      kind: "club",
      grades: [3],
      clubId: "club1",
      staffId: "t2",
      venueId: "field",
      expectedSize: 20,
    },
    {
      id: "k2",
      weekday: 4,
      periodId: "p2",
      kind: "club",
      grades: [3],
      clubId: "club2",
      staffId: "t1",
      venueId: "room3a",
      expectedSize: 20,
    },
    ...extra,
  );
  input.clubs = [
    { id: "club1", name: "足球", minSize: 1, maxSize: 30 },
    { id: "club2", name: "书法", minSize: 1, maxSize: 30 },
  ];
  input.dailySport = input.dailySport.map((d) => ({ ...d, peMinutes: d.weekday === 4 ? 40 : 0 }));
  return Object.assign(input, { children, seats });
}

const child = (id: string, serviceDays = ALL_WEEK): ChildIn => ({
  id,
  name: `学生${id}`,
  grade: 3,
  classId: "c3a",
  serviceDays,
});
const seat = (childId: string, clubId: string, toDate: string | null = null): SeatIn => ({
  childId,
  clubId,
  fromDate: "2026-09-07",
  toDate,
});
const activity: TimetableEntry = {
  id: "act4",
  weekday: 4,
  periodId: "p2",
  kind: "activity",
  grades: [3],
  staffId: "t1",
  venueId: "room3a",
  expectedSize: 10,
};
const childDayFacts = (input: PolicyInput): PolicyFact<Record<string, unknown>>[] =>
  (buildFacts(input, ["childDay"]) as Record<string, PolicyFact<Record<string, unknown>>[] | undefined>).childDay ?? [];
const childrenOf = (target: object) => (target as { children?: string[] }).children;

describe("per-child 双减 rules (childDay)", () => {
  it("When a child enrolled on Thursday has no club while the grade's clubs run to 17:50, then the 5+2 rule names that child and not the club member", async () => {
    const input = clubThursdays([child("1"), child("2")], [seat("1", "club1")]);
    const found = await violationsOf(input, "child-service-5-plus-2");
    expect(found).to.have.length(1);
    expect(found[0].target).to.deep.include({ kind: "grade-day", grade: 3, weekday: 4, children: ["2"] });
    expect(found[0].values).to.include({ serviceEnd: "16:40", serviceMinutes: 60, childCount: 1, dayCount: 2 });
    expect(found[0].message["zh-CN"]).to.contain("1 名报名学生");
  });

  it("When a grade-wide supervised activity shares Thursday's club period, then the child with no club has a full day and the club member is not in the activity", async () => {
    const input = clubThursdays([child("1"), child("2")], [seat("1", "club1")], [activity]);
    expect(await violationsOf(input, "child-service-5-plus-2")).to.deep.equal([]);
    const thursday = childDayFacts(input).filter((f) => f.target.weekday === 4);
    const planOf = (id: string) => thursday.find((f) => childrenOf(f.target)?.includes(id))!;
    expect(planOf("1").values).to.include({ hasClub: true, serviceEnd: "17:50" });
    expect(planOf("2").values).to.include({ hasClub: false, serviceEnd: "17:50" });
    expect(planOf("1")).to.not.equal(planOf("2"));
  });

  it("When 300 children share a class, a club and their service days, then each weekday is one day plan, evaluated once for all of them", () => {
    const children = Array.from({ length: 300 }, (_, i) => child(String(i + 1)));
    const facts = childDayFacts(
      clubThursdays(
        children,
        children.map((c) => seat(c.id, "club2")),
      ),
    );
    expect(facts).to.have.length(5);
    for (const f of facts) expect(f.values).to.include({ childCount: 300, dayCount: 600 });
  });

  it("When a child leaves their club after the first Thursday, then the second Thursday is a short day for that child only (the ledger's dates)", async () => {
    const input = clubThursdays([child("1"), child("2")], [seat("1", "club1", "2026-09-15"), seat("2", "club2")]);
    const found = await violationsOf(input, "child-service-5-plus-2");
    expect(found.map((v) => [childrenOf(v.target), v.values.dayCount])).to.deep.equal([[["1"], 1]]);
  });

  it("When a child is not enrolled on Fridays and Friday has no PE, then it is a grade finding from the daily sport minutes, not a service one", async () => {
    const input = clubThursdays([child("1"), child("2", [1, 2, 3, 4])], [seat("1", "club1"), seat("2", "club1")]);
    const off = await violationsOf(input, "unenrolled-sport-hour");
    expect(off).to.have.length(1);
    expect(off[0].target).to.deep.include({ grade: 3, weekday: 5, children: ["2"] });
    expect(off[0].values).to.include({
      enrolled: false,
      peMinutes: 0,
      breakMinutes: 30,
      sportMinutes: 30,
      childCount: 1,
    });
    // Enrolled days with service sport pass; the day the child is away is not a 5+2 finding.
    expect(await violationsOf(input, "child-sport-hour")).to.deep.equal([]);
    expect(await violationsOf(input, "child-service-5-plus-2")).to.deep.equal([]);
  });
});
