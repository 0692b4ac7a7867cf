import { expect } from "chai";
import fc from "fast-check";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { projectRoot } from "../../../src/config";
import { randomSchool } from "./support/random-school";
import {
  bindingKey,
  bindings,
  propose,
  type Binding,
  type Entry,
  type ProposalClub,
  type ProposalInstance,
  type ProposalResult,
  type UnplacedClub,
} from "../../../src/proposer/core";

// Small schools where one constraint binds, and the same school with the
// constraint eased so that it does not. Results are written by hand: the
// explanations read any stored proposal, not only the solver's.

function club(id: string, staff: string[], extra: Partial<ProposalClub> = {}): ProposalClub {
  return { id, capacity: 20, minSize: 0, sessions: 1, venueKind: "hall", staff, fixed: [], ...extra };
}

/** `n` children of grade 1 who stay for `slots` and rank `choices`. */
function kids(prefix: string, n: number, slots: string[], choices: string[]): ProposalInstance["students"] {
  return Array.from({ length: n }, (_, i) => ({
    id: `${prefix}${i}`,
    grade: 1,
    slots,
    maxClubs: 1,
    choices,
    pinned: [],
  }));
}

function school(parts: Partial<ProposalInstance>): ProposalInstance {
  return {
    seed: 0,
    slots: ["t1", "t2", "t3"].map((id, i) => ({ id, weekday: i + 1 })),
    venues: [{ id: "hall", kind: "hall", capacity: 40 }],
    staff: [],
    clubs: [],
    students: [],
    current: [],
    ...parts,
  };
}

function result(entries: Entry[], unplacedClubs: UnplacedClub[] = []): ProposalResult {
  return {
    seed: 0,
    entries,
    unplacedClubs,
    metrics: {
      students: 0,
      placedStudents: 0,
      placements: 0,
      rankCounts: [],
      sumOfRanks: 0,
      underMinClubs: [],
      clubs: 0,
      placedClubs: 0,
      changes: 0,
    },
  };
}

const at = (c: string, slot: string, staff: string, venue = "hall"): Entry => ({ club: c, slot, venue, staff });
const kinds = (list: Binding[]) => list.map((b) => b.kind);

describe("proposer bindings (why the proposal is as it is)", () => {
  it("When a club's only leader is free in one slot only, then staff-only-slot names the slot and the children who do not stay then", () => {
    const instance = school({
      staff: [{ id: "T1", slots: ["t2"] }],
      clubs: [club("choir", ["T1"])],
      students: [...kids("a", 3, ["t1"], ["choir"]), ...kids("b", 2, ["t2"], ["choir"])],
    });
    expect(bindings(instance, result([at("choir", "t2", "T1")]))).to.deep.equal([
      { kind: "staff-only-slot", club: "choir", staff: "T1", slot: "t2", count: 3 },
    ]);
  });

  it("When the only slot a leader is free in is also where every child who wants the club stays, then nothing binds", () => {
    const instance = school({
      staff: [{ id: "T1", slots: ["t2"] }],
      clubs: [club("choir", ["T1"])],
      students: kids("b", 5, ["t2"], ["choir"]),
    });
    expect(bindings(instance, result([at("choir", "t2", "T1")]))).to.deep.equal([]);
  });

  it("When a twice-weekly club's leaders are free in exactly its two slots, then staff-only-slots binds", () => {
    const instance = school({
      staff: [{ id: "T1", slots: ["t1", "t3"] }],
      clubs: [club("chess", ["T1"], { sessions: 2 })],
      students: [...kids("a", 4, ["t1"], ["chess"]), ...kids("b", 1, ["t1", "t3"], ["chess"])],
    });
    expect(bindings(instance, result([at("chess", "t1", "T1"), at("chess", "t3", "T1")]))).to.deep.equal([
      { kind: "staff-only-slots", club: "chess", staff: "T1", count: 4 },
    ]);
  });

  it("When more children stay for a slot the leader is not free in, then staff-away binds; another leader free there eases it", () => {
    const students = [...kids("a", 1, ["t1"], ["choir"]), ...kids("b", 4, ["t2"], ["choir"])];
    const tight = school({ staff: [{ id: "T1", slots: ["t1", "t3"] }], clubs: [club("choir", ["T1"])], students });
    expect(bindings(tight, result([at("choir", "t1", "T1")]))).to.deep.equal([
      { kind: "staff-away", club: "choir", staff: "T1", slot: "t2", count: 3 },
    ]);
    const eased = school({
      staff: [
        { id: "T1", slots: ["t1", "t3"] },
        { id: "T2", slots: ["t2"] },
      ],
      clubs: [club("choir", ["T1", "T2"])],
      students,
    });
    expect(bindings(eased, result([at("choir", "t1", "T1")]))).to.deep.equal([]);
  });

  it("When the leader leads another club in the slot the children want, then staff-busy names that club", () => {
    const instance = school({
      venues: [
        { id: "hall", kind: "hall", capacity: 40 },
        { id: "hall2", kind: "hall", capacity: 40 },
      ],
      staff: [{ id: "T1", slots: ["t1", "t2"] }],
      clubs: [club("choir", ["T1"]), club("drama", ["T1"])],
      students: [...kids("a", 1, ["t1"], ["choir"]), ...kids("b", 5, ["t2"], ["choir"])],
    });
    const list = bindings(instance, result([at("choir", "t1", "T1"), at("drama", "t2", "T1")]));
    expect(list).to.deep.include({
      kind: "staff-busy",
      club: "choir",
      other: "drama",
      staff: "T1",
      slot: "t2",
      count: 4,
    });
  });

  it("When a fixed session holds the leader in the wanted slot, then fixed-pins names the fixed club", () => {
    const instance = school({
      venues: [
        { id: "hall", kind: "hall", capacity: 40 },
        { id: "hall2", kind: "hall", capacity: 40 },
      ],
      staff: [{ id: "T1", slots: ["t1", "t2"] }],
      clubs: [club("choir", ["T1"]), club("drama", ["T1"], { fixed: [{ slot: "t2", staff: "T1" }] })],
      students: [...kids("a", 1, ["t1"], ["choir"]), ...kids("b", 5, ["t2"], ["choir"])],
    });
    const list = bindings(instance, result([at("choir", "t1", "T1"), at("drama", "t2", "T1", "hall2")]));
    expect(list).to.deep.equal([
      { kind: "fixed-pins", club: "choir", other: "drama", staff: "T1", slot: "t2", count: 4 },
    ]);
  });

  it("When one hall is the only venue two clubs fit, then venue-only-of-kind binds; a second hall eases it", () => {
    const staff = [
      { id: "T1", slots: ["t1", "t2"] },
      { id: "T2", slots: ["t1", "t2"] },
    ];
    const clubs = [club("choir", ["T1"]), club("dance", ["T2"])];
    const students = [...kids("a", 1, ["t1"], ["choir"]), ...kids("b", 6, ["t2"], ["choir"])];
    const entries = [at("choir", "t1", "T1"), at("dance", "t2", "T2")];
    expect(bindings(school({ staff, clubs, students }), result(entries))).to.deep.equal([
      { kind: "venue-only-of-kind", club: "choir", other: "dance", venue: "hall", slot: "t2", count: 5 },
    ]);
    const venues = [
      { id: "hall", kind: "hall", capacity: 40 },
      { id: "hall2", kind: "hall", capacity: 40 },
    ];
    expect(bindings(school({ venues, staff, clubs, students }), result(entries))).to.deep.equal([]);
  });

  it("When every hall is taken in the wanted slot, then kind-full-in-slot names the kind", () => {
    const instance = school({
      venues: [
        { id: "hall", kind: "hall", capacity: 40 },
        { id: "hall2", kind: "hall", capacity: 40 },
      ],
      staff: ["T1", "T2", "T3"].map((id) => ({ id, slots: ["t1", "t2"] })),
      clubs: [club("choir", ["T1"]), club("dance", ["T2"]), club("drama", ["T3"])],
      students: [...kids("a", 1, ["t1"], ["choir"]), ...kids("b", 3, ["t2"], ["choir"])],
    });
    const entries = [at("choir", "t1", "T1"), at("dance", "t2", "T2"), at("drama", "t2", "T3", "hall2")];
    expect(bindings(instance, result(entries))).to.deep.equal([
      { kind: "kind-full-in-slot", club: "choir", venueKind: "hall", slot: "t2", count: 2 },
    ]);
  });

  it("When two clubs children ranked both share a slot and neither can move, then shared-slot binds; a free slot eases it", () => {
    const venues = [
      { id: "hall", kind: "hall", capacity: 40 },
      { id: "hall2", kind: "hall", capacity: 40 },
    ];
    const clubs = [club("choir", ["T1"]), club("dance", ["T2"])];
    const students = kids("a", 3, ["t1", "t2"], ["choir", "dance"]);
    const entries = [at("choir", "t1", "T1"), at("dance", "t1", "T2", "hall2")];
    const only = ["T1", "T2"].map((id) => ({ id, slots: ["t1"] }));
    expect(bindings(school({ venues, staff: only, clubs, students }), result(entries))).to.deep.equal([
      { kind: "shared-slot", club: "choir", other: "dance", slot: "t1", count: 3 },
    ]);
    const free = [
      { id: "T1", slots: ["t1"] },
      { id: "T2", slots: ["t1", "t2"] },
    ];
    expect(bindings(school({ venues, staff: free, clubs, students }), result(entries))).to.deep.equal([]);
  });

  it("When a club is unplaced, then it comes first with its reason and the children who ranked it", () => {
    const instance = school({
      staff: [{ id: "T1", slots: ["t2"] }],
      clubs: [club("choir", ["T1"]), club("robots", ["T1"], { venueKind: "lab" })],
      students: [...kids("a", 9, ["t1"], ["choir"]), ...kids("b", 2, ["t2"], ["robots"])],
    });
    const list = bindings(
      instance,
      result([at("choir", "t2", "T1")], [{ club: "robots", reason: "no-venue", detail: "no lab venue holds it" }]),
    );
    expect(kinds(list)).to.deep.equal(["unplaced", "staff-only-slot"]);
    expect(list[0]).to.deep.equal({ kind: "unplaced", club: "robots", reason: "no-venue", count: 2 });
    expect(bindings(instance, result([at("choir", "t2", "T1")], []), 1)).to.have.length(1);
  });

  it("When random schools are proposed, then every binding names known ids, affects children and repeats exactly", async function () {
    this.timeout(120_000);
    await fc.assert(
      fc.asyncProperty(fc.integer({ min: 0, max: 2 ** 31 - 1 }), fc.integer({ min: 1, max: 8 }), async (seed, n) => {
        const instance = randomSchool(seed, { slots: 4, venues: 3, staff: 3, clubs: n, students: 40, maxSessions: 2 });
        const { result } = await propose(instance, { budget: 10 });
        const list = bindings(instance, result);
        expect(bindings(instance, result)).to.deep.equal(list);
        expect(list.length).to.be.at.most(12);
        const ids = (xs: { id: string }[]) => new Set(xs.map((x) => x.id));
        const [clubs, staff, venues, slots] = [instance.clubs, instance.staff, instance.venues, instance.slots].map(
          ids,
        );
        for (const b of list) {
          expect(b.count, JSON.stringify(b)).to.be.a("number");
          if (b.kind !== "unplaced") expect(b.count).to.be.above(0);
          for (const id of [b.club, b.other]) if (id !== undefined) expect(clubs.has(id)).to.equal(true);
          if (b.staff !== undefined) expect(staff.has(b.staff)).to.equal(true);
          if (b.venue !== undefined) expect(venues.has(b.venue)).to.equal(true);
          if (b.slot !== undefined) expect(slots.has(b.slot)).to.equal(true);
        }
      }),
      { numRuns: 60 },
    );
  });

  it("When a binding is shown, then its sentence exists in both languages", () => {
    const catalog = (locale: string) =>
      JSON.parse(readFileSync(join(projectRoot(), "locales", locale, "proposals.json"), "utf8")) as Record<
        string,
        unknown
      >;
    const sample: Binding[] = [
      ...["no-eligible-staff", "no-venue", "too-few-slots", "fixed-conflict", "crowded-out"].map(
        (reason) => ({ kind: "unplaced", reason }) as Binding,
      ),
      ...(
        [
          "staff-only-slot",
          "staff-only-slots",
          "staff-away",
          "staff-busy",
          "fixed-pins",
          "venue-only-of-kind",
          "kind-full-in-slot",
          "shared-slot",
        ] as const
      ).map((kind) => ({ kind })),
    ];
    for (const locale of ["zh-CN", "en"])
      for (const b of sample) {
        const found = `${bindingKey(b)}_other`
          .split(".")
          .reduce<unknown>((o, k) => (o as Record<string, unknown> | undefined)?.[k], catalog(locale));
        expect(found, `${locale}: ${bindingKey(b)}`).to.be.a("string");
      }
  });
});
