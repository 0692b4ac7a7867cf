import { expect } from "chai";
import { gradeHasNoService } from "../../../../src/timetable/core/clashes";
import { context, placement } from "./builders";

describe("gradeHasNoService", () => {
  const grade1NotOnFriday = context({
    serviceDays: [
      { grade: 1, weekdays: [1, 2, 3, 4] },
      { grade: 2, weekdays: [1, 2, 3, 4, 5] },
    ],
  });

  it("When a club for grades 1–2 is on Friday and grade 1 has no Friday service, then grade 1 is reported", () => {
    const clashes = gradeHasNoService([placement("games", { weekday: 5, grades: [1, 2] })], grade1NotOnFriday);
    expect(clashes).to.deep.equal([
      { kind: "grade-has-no-service", weekday: 5, periodId: "p2", entryIds: ["games"], params: { grade: 1 } },
    ]);
  });

  it("When the same club is on Thursday, then there is no clash", () => {
    expect(gradeHasNoService([placement("games", { weekday: 4, grades: [1, 2] })], grade1NotOnFriday)).to.deep.equal(
      [],
    );
  });

  it("When a grade has no service days at all, then every session for it is reported", () => {
    const clashes = gradeHasNoService([placement("games", { grades: [6] })], grade1NotOnFriday);
    expect(clashes.map((c) => c.params)).to.deep.equal([{ grade: 6 }]);
  });
});
