import { expect } from "chai";
import { allocate, explainPlacement, InstanceError, parseInstance } from "../../../src/allocation/core";

const school = parseInstance({
  seed: 4,
  clubs: [
    { id: "band", capacity: 3, slots: ["thu"] },
    { id: "robot", capacity: 3, slots: ["thu"] },
    { id: "drama", capacity: 3, grades: [5, 6], slots: ["tue"] },
    { id: "swim", capacity: 3, slots: ["mon"] },
    { id: "art", capacity: 1, slots: ["wed"] },
    { id: "lego", capacity: 3, slots: ["wed"] },
    { id: "kite", capacity: 1, slots: ["fri"] },
  ],
  students: [
    {
      id: "K",
      grade: 2,
      slots: ["tue", "wed", "thu"],
      maxClubs: 2,
      choices: ["robot", "drama", "swim", "art", "lego"],
      pinned: ["band"],
    },
    { id: "L", grade: 2, slots: ["wed"], choices: ["art"] },
    { id: "M", grade: 3, slots: ["thu", "fri"], maxClubs: 1, choices: ["kite", "robot"], pinned: ["band"] },
    { id: "N", grade: 3, slots: ["fri"], choices: ["kite"] },
    { id: "O", grade: 3, slots: ["fri"], choices: ["kite"] },
  ],
});

describe("explainPlacement", () => {
  it("When a child got a lower choice, then every choice above it is explained with a language-free code", async () => {
    const { result } = await allocate(school, { mechanism: "optimal" });
    expect(result.assignments.K).to.deep.equal(["lego", "band"]);
    const why = explainPlacement(school, result, "optimal", "K");
    expect(why.clubs).to.deep.equal(["lego", "band"]);
    expect(why.reasons).to.deep.equal([
      { clubId: "robot", rank: 1, code: "clash", with: "band", slot: "thu" },
      { clubId: "drama", rank: 2, code: "not-eligible-grade", grade: 2 },
      { clubId: "swim", rank: 3, code: "slot-not-chosen", slot: "mon" },
      { clubId: "art", rank: 4, code: "full", capacity: 1, rankedBy: 2 },
      { clubId: "lego", rank: 5, code: "met" },
    ]);
  });

  it("When a pin fills maxClubs, then the child's choices are explained as max-clubs-reached", async () => {
    const { result } = await allocate(school, { mechanism: "optimal" });
    const why = explainPlacement(school, result, "optimal", "M");
    expect(why.reasons.map((r) => r.code)).to.deep.equal(["max-clubs-reached", "max-clubs-reached"]);
  });

  it("When the lottery filled a club before the child's turn, then the reason is drew-later, not full", async () => {
    const { result } = await allocate(school, { mechanism: "lottery" });
    const loser = ["N", "O"].find((id) => result.assignments[id].length === 0)!;
    const why = explainPlacement(school, result, "lottery", loser);
    expect(why.reasons).to.deep.equal([{ clubId: "kite", rank: 1, code: "drew-later", capacity: 1, rankedBy: 3 }]);
    const sameUnderOptimal = explainPlacement(school, result, "optimal", loser);
    expect(sameUnderOptimal.reasons[0].code).to.equal("full");
  });

  it("When every engine result is explained, then no reason is left unexplained", async () => {
    for (const mechanism of ["optimal", "lottery"] as const) {
      const { result } = await allocate(school, { mechanism });
      for (const s of school.students) {
        for (const r of explainPlacement(school, result, mechanism, s.id).reasons)
          expect(r.code).to.not.equal("unexplained");
      }
    }
  });

  it("When the student is unknown, then an InstanceError names studentId", async () => {
    const { result } = await allocate(school, { mechanism: "optimal" });
    expect(() => explainPlacement(school, result, "optimal", "nobody")).to.throw(InstanceError, "studentId");
  });
});
