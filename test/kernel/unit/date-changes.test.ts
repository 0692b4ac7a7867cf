// The pure half of per-date changes: which cancellation stops a session, and
// which form fields are wrong.
import { expect } from "chai";
import {
  cancellationOf,
  coverOf,
  parseCancel,
  parseCover,
  type CancellationFact,
  type DateChangeFacts,
} from "../../../src/kernel/core";

const cancel = (c: Partial<CancellationFact>): CancellationFact => ({
  id: 1,
  date: "2026-09-16",
  entryId: null,
  grade: null,
  reason: "outing",
  note: null,
  ...c,
});
const facts = (cancellations: CancellationFact[]): DateChangeFacts => ({
  cancellations,
  covers: [{ id: 9, date: "2026-09-16", entryId: 7, staffId: 42 }],
});

describe("per-date changes (kernel core)", () => {
  it("When a grade's day is cancelled, then only sessions wholly of that grade stop; a club shared with another grade still runs", () => {
    const day = facts([cancel({ grade: 4 })]);
    expect(cancellationOf(day, { id: 1, grades: [4] })?.reason).to.equal("outing");
    expect(cancellationOf(day, { id: 2, grades: [4, 5] })).to.equal(null);
    expect(cancellationOf(day, { id: 3, grades: [] })).to.equal(null);
  });

  it("When the whole school's day is cancelled, then every session stops; a session's own cancellation gives its own reason", () => {
    const day = facts([
      cancel({ id: 1, grade: null, reason: "event" }),
      cancel({ id: 2, entryId: 5, reason: "weather" }),
    ]);
    expect(cancellationOf(day, { id: 3, grades: [] })?.reason).to.equal("event");
    expect(cancellationOf(day, { id: 5, grades: [2] })?.reason).to.equal("weather");
  });

  it("When a cover exists for an entry, then coverOf names the covering staff for that entry only", () => {
    expect(coverOf(facts([]), 7)?.staffId).to.equal(42);
    expect(coverOf(facts([]), 8)).to.equal(null);
  });

  it("When a form is wrong, then each wrong field is named and nothing is parsed", () => {
    expect(
      Object.keys(parseCancel({ date: "2026-02-30", scope: "session", entryId: "x", reason: "rain" }).errors).sort(),
    ).to.deep.equal(["date", "entryId", "reason"]);
    expect(
      Object.keys(parseCancel({ date: "2026-09-16", scope: "day", grade: "7", reason: "other" }).errors),
    ).to.deep.equal(["grade"]);
    expect(
      parseCancel({ date: "2026-09-16", scope: "day", grade: "", reason: "other", note: " 春游 " }).input,
    ).to.deep.equal({ date: "2026-09-16", entryId: null, grade: null, reason: "other", note: "春游" });
    expect(Object.keys(parseCover({ date: "2026-09-16", entryId: "3", staffId: "-1" }).errors)).to.deep.equal([
      "staffId",
    ]);
  });
});
