import { expect } from "chai";
import { buildInstance, defaultClubSlots, parseSlotKey, type SchoolWeek } from "../../../src/proposer/core/from-school";
import { parseProposalInstance } from "../../../src/proposer/core";

// A small school: period 1 homework, period 2 clubs on Thursday and a grade-3
// sport session on Monday; a hall, a classroom; a teacher who is away on
// Monday and an instructor who comes only on Thursday from 16:30.
const week = (): SchoolWeek => ({
  periods: [
    { id: 10, startTime: "15:40", endTime: "16:20", grades: [] },
    { id: 20, startTime: "16:30", endTime: "17:30", grades: [1, 2, 3, 4, 5, 6] },
  ],
  entries: [
    { weekday: 1, periodId: 20, kind: "sport", grades: [3], classId: null, clubId: null, staffId: 2, venueId: 100 },
    {
      weekday: 1,
      periodId: 20,
      kind: "activity",
      grades: [4],
      classId: null,
      clubId: null,
      staffId: null,
      venueId: null,
    },
    { weekday: 4, periodId: 20, kind: "club", grades: [3, 4], classId: null, clubId: 7, staffId: 1, venueId: 101 },
    { weekday: 4, periodId: 20, kind: "club", grades: [5], classId: null, clubId: 8, staffId: 2, venueId: 100 },
  ],
  staff: [
    { id: 1, number: "T01", active: true, availableDays: [1, 2, 3, 4, 5], availableHours: null },
    { id: 2, number: "T02", active: true, availableDays: [2, 3, 4, 5], availableHours: null },
    { id: 3, number: "X01", active: true, availableDays: [4], availableHours: { "4": { from: "16:30", to: "18:00" } } },
    { id: 4, number: "T99", active: false, availableDays: [1, 2, 3, 4, 5], availableHours: null },
  ],
  venues: [
    { id: 100, kind: "hall", capacity: 60 },
    { id: 101, kind: "classroom", capacity: 40 },
  ],
  clubs: [
    {
      id: 7,
      code: "chess",
      grades: [3, 4],
      minSize: 5,
      maxSize: 30,
      staffId: 1,
      eligibleStaffIds: [1, 3],
      sessionsPerWeek: 1,
      venueKind: null,
    },
    {
      id: 8,
      code: "dance",
      grades: [5],
      minSize: 0,
      maxSize: 40,
      staffId: 2,
      eligibleStaffIds: [],
      sessionsPerWeek: 2,
      venueKind: "hall",
    },
  ],
});
const slots = [
  { weekday: 1, periodId: 20 },
  { weekday: 4, periodId: 20 },
];
const wishes = [
  { studentNumber: "S1", grade: 3, familyId: 5, weekdays: [1, 4], clubIds: [8, 7], maxClubs: 1 },
  { studentNumber: "S2", grade: 5, familyId: 6, weekdays: [4], clubIds: [99], maxClubs: 1 },
];

describe("the proposal instance from the school's data", () => {
  const built = () => buildInstance(week(), wishes, { clubIds: [7], slots, seed: 4 });

  it("When slots are chosen, then they are named by weekday and the period's place in the day, in the chosen order", () => {
    expect(built().instance.slots).to.deep.equal([
      { id: "mon-2", weekday: 1 },
      { id: "thu-2", weekday: 4 },
    ]);
    expect(built().slotKeys).to.deep.equal(slots);
  });

  it("When a session that is not one of the placed clubs holds a venue, then the venue is busy in that slot", () => {
    const venues = built().instance.venues;
    expect(venues[0]).to.deep.equal({ id: "v100", kind: "hall", capacity: 60, busy: ["mon-2", "thu-2"] });
    expect(venues[1]).to.deep.equal({ id: "v101", kind: "classroom", capacity: 40 });
  });

  it("When staff have days, hours and other sessions, then each may lead clubs only where all allow it; inactive staff are left out", () => {
    expect(built().instance.staff).to.deep.equal([
      { id: "T01", slots: ["mon-2", "thu-2"] },
      // Away on Monday, and leading dance (not being placed) on Thursday.
      { id: "T02", slots: [] },
      { id: "X01", slots: ["thu-2"] },
    ]);
  });

  it("When a grade has sport in a slot, then a club for that grade may not meet there; a grade-wide activity does not block it", () => {
    const chess = built().instance.clubs[0];
    expect(chess.slots).to.deep.equal(["thu-2"]);
    const onlyGrade4 = buildInstance({ ...week(), clubs: [{ ...week().clubs[0], grades: [4] }] }, [], {
      clubIds: [7],
      slots,
      seed: 0,
    });
    expect(onlyGrade4.instance.clubs[0].slots).to.deep.equal(["mon-2", "thu-2"]);
  });

  it("When a club has eligible staff, a venue kind or none, then they carry over; with no eligible staff its leader alone may lead it", () => {
    const both = buildInstance(week(), wishes, { clubIds: [7, 8], slots, seed: 0 }).instance.clubs;
    expect(both[0]).to.include({ id: "chess", capacity: 30, minSize: 5, sessions: 1, venueKind: null });
    expect(both[0].staff).to.deep.equal(["T01", "X01"]);
    expect(both[1]).to.include({ id: "dance", sessions: 2, venueKind: "hall" });
    expect(both[1].staff).to.deep.equal(["T02"]);
  });

  it("When the draft has the placed clubs' sessions, then they are the current layout", () => {
    expect(built().instance.current).to.deep.equal([{ club: "chess", slot: "thu-2", venue: "v101", staff: "T01" }]);
  });

  it("When children ranked clubs, then only the placed clubs stay in their lists, and children left with none are dropped", () => {
    expect(built().instance.students).to.deep.equal([
      { id: "S1", grade: 3, slots: ["mon-2", "thu-2"], maxClubs: 1, choices: ["chess"], group: "F5", pinned: [] },
    ]);
  });

  it("When the instance is built, then the solver's own parser accepts it", () => {
    expect(() => parseProposalInstance(JSON.parse(JSON.stringify(built().instance)))).to.not.throw();
  });

  it("When slots are chosen by default, then they are a club period's weekdays not filled with homework or lessons", () => {
    const kinds: Record<string, string> = { "4-20": "club", "1-20": "sport", "2-20": "activity", "3-20": "lesson" };
    const chosen = defaultClubSlots(week().periods, (d, p) => kinds[`${d}-${p}`] ?? "homework");
    expect(chosen).to.deep.equal([
      { weekday: 1, periodId: 20 },
      { weekday: 2, periodId: 20 },
      { weekday: 4, periodId: 20 },
    ]);
  });

  it("When a slot key is read, then only weekday-period pairs pass", () => {
    expect(parseSlotKey("4-20")).to.deep.equal({ weekday: 4, periodId: 20 });
    for (const bad of ["8-1", "4-", "x-2", "4-1e3"]) expect(parseSlotKey(bad)).to.equal(null);
  });
});
