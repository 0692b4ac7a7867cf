import { expect } from "chai";
import fc from "fast-check";
import { clashesForChange, findClashes } from "../../../../src/timetable/core/clashes";
import { context, homework, placement } from "./builders";

describe("findClashes", () => {
  it("When a week has a double-booked teacher and an unavailable coach, then both are found, ordered by day", () => {
    const ctx = context({
      staff: [
        { id: "T1", availableWeekdays: [1, 2, 3, 4, 5] },
        { id: "E1", availableWeekdays: [4] },
      ],
    });
    const clashes = findClashes(
      [
        placement("choir", { staffId: "T1", clubId: "choir" }),
        placement("chess", { staffId: "T1", clubId: "chess" }),
        placement("football", { staffId: "E1", weekday: 2 }),
      ],
      ctx,
    );
    expect(clashes.map((c) => [c.weekday, c.kind])).to.deep.equal([
      [2, "staff-unavailable"],
      [4, "staff-double-booked"],
    ]);
  });

  it("When the same placements come in any order, then the same clashes come out", () => {
    const slot = fc.record({ weekday: fc.integer({ min: 1, max: 5 }), periodId: fc.constantFrom("p1", "p2") });
    const entry = fc.record({
      slot,
      kind: fc.constantFrom("homework", "club", "sport"),
      staffId: fc.constantFrom("T1", "T2", undefined),
      venueId: fc.constantFrom("music", "gym", undefined),
      grades: fc.subarray([1, 2, 3], { minLength: 1 }),
    });
    fc.assert(
      fc.property(fc.array(entry, { maxLength: 12 }), (entries) => {
        const placements = entries.map((e, i) =>
          placement(`e${i}`, {
            ...e.slot,
            kind: e.kind,
            staffId: e.staffId,
            venueId: e.venueId,
            grades: e.grades,
            expectedSize: 40,
          }),
        );
        expect(findClashes([...placements].reverse(), context())).to.deep.equal(findClashes(placements, context()));
      }),
    );
  });
});

describe("clashesForChange", () => {
  const week = [placement("choir", { staffId: "T1", venueId: "music" }), homework("hw4", { grades: [4], weekday: 1 })];

  it("When a proposed club takes the teacher who already runs choir in that slot, then the clash is returned before saving", () => {
    const clashes = clashesForChange(week, placement("chess", { staffId: "T1", venueId: "gym" }), context());
    expect(clashes.map((c) => [c.kind, c.entryIds])).to.deep.equal([["staff-double-booked", ["chess", "choir"]]]);
  });

  it("When the proposed club moves to the next period, then nothing is returned", () => {
    expect(clashesForChange(week, placement("chess", { staffId: "T1", periodId: "p3" }), context())).to.deep.equal([]);
  });

  it("When choir itself moves out of a clash to Tuesday, then nothing is reported for its old slot", () => {
    const clashing = [...week, placement("chess", { staffId: "T1" })];
    const moved = placement("choir", { staffId: "T1", venueId: "music", weekday: 2 });
    expect(clashesForChange(clashing, moved, context())).to.deep.equal([]);
  });

  it("When a clash already exists between two other entries, then a change elsewhere does not report it", () => {
    const clashing = [...week, placement("chess", { staffId: "T1" })];
    expect(clashesForChange(clashing, homework("hw5", { grades: [5], weekday: 3 }), context())).to.deep.equal([]);
  });

  it("When any change is proposed, then the answer is exactly the clashes of the saved week that involve it", () => {
    const arb = fc.record({
      weekday: fc.integer({ min: 1, max: 2 }),
      staffId: fc.constantFrom("T1", "T2"),
      venueId: fc.constantFrom("music", "gym"),
      club: fc.boolean(),
    });
    fc.assert(
      fc.property(fc.array(arb, { maxLength: 8 }), arb, fc.nat(8), (rows, change, pick) => {
        const existing = rows.map((r, i) =>
          placement(`e${i}`, {
            weekday: r.weekday,
            staffId: r.staffId,
            venueId: r.venueId,
            kind: r.club ? "club" : "activity",
          }),
        );
        const id = `e${pick}`;
        const proposed = placement(id, {
          weekday: change.weekday,
          staffId: change.staffId,
          venueId: change.venueId,
          kind: change.club ? "club" : "activity",
        });
        const saved = [...existing.filter((p) => p.entryId !== id), proposed];
        const expected = findClashes(saved, context()).filter((c) => c.entryIds.includes(id));
        expect(clashesForChange(existing, proposed, context())).to.deep.equal(expected);
      }),
    );
  });
});
