import { expect } from "chai";
import { InstanceError } from "../../../src/allocation/core";
import { parseProposalInstance, propose, violations } from "../../../src/proposer/core";

// The format's parts the admin page needs (issue 23): a club of any venue kind,
// venues busy with homework or sport, a club kept to its grades' free slots,
// and the admin's "stop" keeping the best layout.
const school = () => ({
  slots: [
    { id: "mon-2", weekday: 1 },
    { id: "thu-2", weekday: 4 },
  ],
  venues: [
    { id: "hall", kind: "hall", capacity: 40, busy: ["mon-2"] },
    { id: "room", kind: "classroom", capacity: 40 },
  ] as Record<string, unknown>[],
  staff: [{ id: "T1", slots: ["mon-2", "thu-2"] }],
  clubs: [{ id: "choir", capacity: 30, venueKind: "hall", staff: ["T1"] }] as Record<string, unknown>[],
  students: [{ id: "S1", grade: 2, slots: ["mon-2", "thu-2"], choices: ["choir"] }],
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

describe("proposer format for the admin page", () => {
  it("When a club has no venueKind, then it is read as null and may take a venue of any kind", async () => {
    const json = school();
    json.clubs[0] = { id: "choir", capacity: 30, staff: ["T1"], slots: ["mon-2"] };
    const instance = parseProposalInstance(json);
    expect(instance.clubs[0].venueKind).to.equal(null);
    const { result } = await propose(instance, { budget: 5 });
    expect(result.entries).to.deep.equal([{ club: "choir", slot: "mon-2", venue: "room", staff: "T1" }]);
    expect(violations(instance, result.entries)).to.deep.equal([]);
  });

  it("When the only hall is busy on Monday, then the hall club meets on Thursday", async () => {
    const instance = parseProposalInstance(school());
    const { result } = await propose(instance, { budget: 5 });
    expect(result.entries.map((e) => e.slot)).to.deep.equal(["thu-2"]);
    expect(violations(instance, [{ club: "choir", slot: "mon-2", venue: "hall", staff: "T1" }])).to.deep.equal([
      "venue hall is busy in mon-2 (choir)",
    ]);
  });

  it("When a club may meet only on Monday and its hall is busy then, then it is unplaced with too-few-slots", async () => {
    const json = school();
    json.clubs[0].slots = ["mon-2"];
    const { result } = await propose(parseProposalInstance(json), { budget: 5 });
    expect(result.entries).to.deep.equal([]);
    expect(result.unplacedClubs[0].reason).to.equal("too-few-slots");
  });

  it("When a club's slots leave out Thursday, then a proposal never puts it there", async () => {
    const json = school();
    json.venues[0].busy = [];
    json.clubs[0].slots = ["mon-2"];
    const instance = parseProposalInstance(json);
    expect(violations(instance, [{ club: "choir", slot: "thu-2", venue: "hall", staff: "T1" }])).to.include(
      "club choir may not meet in thu-2",
    );
    const { result } = await propose(instance, { budget: 5 });
    expect(result.entries.map((e) => e.slot)).to.deep.equal(["mon-2"]);
  });

  const bad: [string, (j: ReturnType<typeof school>) => void, string][] = [
    ["an unknown busy slot", (j) => (j.venues[0].busy = ["fri-9"]), "venues[0].busy[0]"],
    ["an unknown club slot", (j) => (j.clubs[0].slots = ["fri-9"]), "clubs[0].slots[0]"],
    [
      "a fixed slot outside the club's slots",
      (j) => Object.assign(j.clubs[0], { slots: ["thu-2"], fixed: ["mon-2"] }),
      "clubs[0].fixed[0].slot",
    ],
    [
      "a fixed venue busy then",
      (j) => (j.clubs[0].fixed = [{ slot: "mon-2", venue: "hall" }]),
      "clubs[0].fixed[0].venue",
    ],
  ];
  for (const [what, spoil, field] of bad)
    it(`When the input has ${what}, then ${field} is named`, () => {
      const json = school();
      spoil(json);
      expect(fieldOf(json)).to.equal(field);
    });

  it("When shouldStop answers true, then the search stops at once, keeps its start and says it stopped early", async () => {
    const { result } = await propose(parseProposalInstance(school()), { budget: 100, shouldStop: () => true });
    expect(result.stoppedEarly).to.equal(true);
    expect(result.entries).to.have.length(1);
  });
});
