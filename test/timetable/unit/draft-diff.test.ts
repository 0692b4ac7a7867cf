// The draft against the published timetable, entry by entry: added, moved, changed, removed.
import { expect } from "chai";
import { draftChanges, draftDiff, type EntryRow } from "../../../src/timetable/core";

const row = (id: number, extra: Partial<EntryRow> = {}): EntryRow => ({
  id,
  termId: 1,
  weekday: 3,
  periodId: 2,
  kind: "club",
  title: "合唱",
  grades: [3, 4],
  classId: null,
  clubId: 7,
  staffId: 11,
  venueId: 21,
  sequence: 0,
  updatedAt: "2026-09-01T00:00:00.000Z",
  ...extra,
});

describe("timetable: the draft's changes against the published timetable", () => {
  it("When nothing but bookkeeping differs, then there is no change", () => {
    expect(draftDiff([row(1, { sequence: 4, updatedAt: "later", grades: [4, 3] })], [row(1)])).to.deep.equal([]);
  });

  it("When a session moves from Wednesday to Thursday, then it is one move naming both slots", () => {
    const [change] = draftDiff([row(1, { weekday: 4 })], [row(1)]);
    expect(change).to.include({ kind: "moved", id: 1 });
    expect(change.before!.weekday).to.equal(3);
    expect(change.after!.weekday).to.equal(4);
    expect(change.fields).to.deep.equal([]);
  });

  it("When a session moves and gets another teacher, then the move lists the teacher too", () => {
    const [change] = draftDiff([row(1, { periodId: 3, staffId: 12 })], [row(1)]);
    expect(change.kind).to.equal("moved");
    expect(change.fields).to.deep.equal([{ field: "staffId", before: 11, after: 12 }]);
  });

  it("When only the venue changes, then it is changed in place", () => {
    const [change] = draftDiff([row(1, { venueId: 22 })], [row(1)]);
    expect(change).to.include({ kind: "changed" });
    expect(change.fields.map((f) => f.field)).to.deep.equal(["venueId"]);
  });

  it("When a session is new or gone, then it is added or removed; the count is draftChanges'", () => {
    const draft = [row(2, { weekday: 1 }), row(3, { weekday: 5, title: "围棋" }), row(4)];
    const published = [row(1, { weekday: 2 }), row(3, { weekday: 5 }), row(4)];
    const diff = draftDiff(draft, published);
    expect(diff.map((c) => [c.kind, c.id])).to.deep.equal([
      ["added", 2],
      ["removed", 1],
      ["changed", 3],
    ]);
    expect(diff).to.have.length(draftChanges(draft, published));
  });
});
