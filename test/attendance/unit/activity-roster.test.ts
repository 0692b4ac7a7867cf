import { expect } from "chai";
import { rosterOf, type RosterChild, type RosterContext } from "../../../src/attendance/roster";
import type { EntryRow } from "../../../src/timetable";

const pupil = (id: number): RosterChild => ({
  id,
  name: `学生${id}`,
  studentNumber: String(20240100 + id),
  classId: 31,
  className: "三年级(1)班",
  grade: 3,
  familyId: id,
});
const entry = (over: Partial<EntryRow>): EntryRow =>
  ({
    id: 1,
    weekday: 4,
    periodId: 2,
    kind: "activity",
    grades: [3],
    classId: null,
    clubId: null,
    staffId: null,
    venueId: null,
    title: "托管",
    sequence: 0,
    ...over,
  }) as EntryRow;

describe("the supervised activity's roster (自主活动/托管)", () => {
  // Child 1 is in the chess club, which meets in Thursday's period 2; child 2 has no club; child 3 is not enrolled on Thursdays.
  const ctx = {
    children: [pupil(1), pupil(2), pupil(3)],
    enrolledDays: new Map([
      [1, [4]],
      [2, [4]],
      [3, [1]],
    ]),
    membersOf: new Map([[7, new Set([1])]]),
    clubPeriods: new Map([[1, new Set([2])]]),
  } as RosterContext;

  it("When a grade-wide activity shares Thursday's club period, then its roster is the enrolled children of the grade with no club in that period", () => {
    expect(rosterOf(entry({}), 4, ctx).map((c) => c.id)).to.deep.equal([2]);
    expect(rosterOf(entry({ id: 2, kind: "club", clubId: 7 }), 4, ctx).map((c) => c.id)).to.deep.equal([1]);
  });

  it("When the activity is in another period than the club, then the club member is in it too", () => {
    expect(rosterOf(entry({ periodId: 1 }), 4, ctx).map((c) => c.id)).to.deep.equal([1, 2]);
  });
});
