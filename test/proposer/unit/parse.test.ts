import { expect } from "chai";
import { InstanceError } from "../../../src/allocation/core";
import { parseProposalInstance } from "../../../src/proposer/core";

const valid = () => ({
  slots: [{ id: "mon-2", weekday: 1 }],
  venues: [{ id: "hall", kind: "hall", capacity: 40 }],
  staff: [{ id: "T1", slots: ["mon-2"] }],
  clubs: [{ id: "choir", capacity: 30, venueKind: "hall", staff: ["T1"] }] as Record<string, unknown>[],
  students: [{ id: "S1", grade: 2, slots: ["mon-2"], choices: ["choir"] }] as Record<string, unknown>[],
});

function fieldOf(json: unknown): string {
  try {
    parseProposalInstance(json);
  } catch (err) {
    if (err instanceof InstanceError) return err.field;
    throw err;
  }
  return "(accepted)";
}

describe("parseProposalInstance", () => {
  it("When optional fields are left out, then the defaults apply (seed 0, one session, no fixed sessions, maxClubs 1)", () => {
    const instance = parseProposalInstance(valid());
    expect(instance.seed).to.equal(0);
    expect(instance.clubs[0]).to.include({ sessions: 1, minSize: 0 });
    expect(instance.clubs[0].fixed).to.deep.equal([]);
    expect(instance.students[0]).to.include({ maxClubs: 1 });
    expect(instance.current).to.deep.equal([]);
  });

  it("When a fixed session is a bare slot id, then it is read as that slot with venue and staff to be chosen", () => {
    const json = valid();
    json.clubs[0].fixed = ["mon-2"];
    expect(parseProposalInstance(json).clubs[0].fixed).to.deep.equal([{ slot: "mon-2" }]);
  });

  const cases: [string, (j: ReturnType<typeof valid>) => void, string][] = [
    ["a weekday of 8", (j) => (j.slots[0].weekday = 8), "slots[0].weekday"],
    ["a duplicate venue id", (j) => j.venues.push({ id: "hall", kind: "hall", capacity: 1 }), "venues[1].id"],
    ["a staff slot that does not exist", (j) => (j.staff[0].slots = ["fri-9"]), "staff[0].slots[0]"],
    ["sessions of 0", (j) => (j.clubs[0].sessions = 0), "clubs[0].sessions"],
    ["a venue kind that is not a string", (j) => (j.clubs[0].venueKind = 5), "clubs[0].venueKind"],
    ["more fixed sessions than sessions", (j) => (j.clubs[0].fixed = ["mon-2", "mon-2"]), "clubs[0].fixed"],
    [
      "a fixed venue of the wrong kind",
      (j) => {
        j.venues.push({ id: "lab", kind: "lab", capacity: 50 });
        j.clubs[0].fixed = [{ slot: "mon-2", venue: "lab" }];
      },
      "clubs[0].fixed[0].venue",
    ],
    ["a choice of an unknown club", (j) => (j.students[0].choices = ["choir", "chezz"]), "students[0].choices[1]"],
    [
      "a current entry in an unknown venue",
      (j) => Object.assign(j, { current: [{ club: "choir", slot: "mon-2", venue: "gym", staff: "T1" }] }),
      "current[0].venue",
    ],
    ["a negative capacity", (j) => (j.clubs[0].capacity = -1), "clubs[0].capacity"],
  ];
  for (const [what, spoil, field] of cases) {
    it(`When the instance has ${what}, then it is refused naming ${field}`, () => {
      const json = valid();
      spoil(json);
      expect(fieldOf(json)).to.equal(field);
    });
  }
});
