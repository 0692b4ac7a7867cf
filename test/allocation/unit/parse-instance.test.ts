import { expect } from "chai";
import { InstanceError, parseInstance } from "../../../src/allocation/core";

/** The raw instance as the tests mutate it: any field of a club or student may be given any value. */
type Rec = Record<string, unknown>;
interface Raw {
  seed?: unknown;
  clubs: Rec[];
  students: Rec[];
}

/** Sets a value of any type (the parser under test refuses it): a whole list, or an entry that is not an object. */
function put(target: object, key: string | number, value: unknown): void {
  (target as Record<string | number, unknown>)[key] = value;
}

function valid(): Raw {
  return {
    seed: 7,
    clubs: [
      { id: "choir", capacity: 2, minSize: 1, grades: [1, 2, 3], slots: ["thu"] },
      { id: "chess", capacity: 1, slots: ["tue", "thu"] },
      { id: "paint", capacity: 1, slots: ["tue"] },
    ],
    students: [
      { id: "S1", grade: 3, slots: ["tue", "thu"], maxClubs: 2, choices: ["choir", "paint"], group: "F1", pinned: [] },
      { id: "S2", grade: 1, slots: ["thu"], choices: ["choir"] },
      { id: "S3", grade: 2, slots: ["tue", "thu"], maxClubs: 1, choices: ["chess"] },
      { id: "S4", grade: 2, slots: ["tue"], choices: ["paint", "choir"] },
    ],
  };
}

function fieldOf(mutate: (json: Raw) => void): string {
  const json = valid();
  mutate(json);
  try {
    parseInstance(json);
  } catch (err) {
    expect(err).to.be.instanceOf(InstanceError);
    const e = err as InstanceError;
    expect(e.message.startsWith(e.field ? `${e.field}: ` : "")).to.equal(true);
    return e.field;
  }
  throw new Error("expected an InstanceError");
}

describe("parseInstance", () => {
  it("When the instance is valid, then defaults are filled in (maxClubs 1, pinned [], minSize 0)", () => {
    const instance = parseInstance(valid());
    expect(instance.seed).to.equal(7);
    expect(instance.students[1].maxClubs).to.equal(1);
    expect(instance.students[1].pinned).to.deep.equal([]);
    expect(instance.students[1].group).to.equal(undefined);
    expect(instance.clubs[1].minSize).to.equal(0);
    expect(instance.clubs[1].grades).to.equal(undefined);
  });

  it("When the input is not an object, then the error names the root", () => {
    for (const bad of [42, null, [], "instance"]) {
      expect(() => parseInstance(bad)).to.throw(InstanceError, "expected an object");
    }
  });

  it("When the seed is missing, then it defaults to 0", () => {
    const json = valid();
    delete json.seed;
    expect(parseInstance(json).seed).to.equal(0);
  });

  it("When a choice names an unknown club, then the message names the choice and the club", () => {
    const json = valid();
    (json.students[3].choices as string[])[1] = "chez";
    expect(() => parseInstance(json)).to.throw(InstanceError, 'students[3].choices[1]: unknown club "chez"');
  });

  const cases: [string, (json: Raw) => void, string][] = [
    ["the root is not an object", (j) => Object.keys(j).forEach((k) => Reflect.deleteProperty(j, k)), "clubs"],
    ["clubs is not an array", (j) => put(j, "clubs", {}), "clubs"],
    ["students is missing", (j) => Reflect.deleteProperty(j, "students"), "students"],
    ["a club is not an object", (j) => put(j.clubs, 1, "chess"), "clubs[1]"],
    ["a club id is a number", (j) => (j.clubs[0].id = 5), "clubs[0].id"],
    ["a club id is empty", (j) => (j.clubs[0].id = ""), "clubs[0].id"],
    ["a club id is a duplicate", (j) => (j.clubs[2].id = "choir"), "clubs[2].id"],
    ["a capacity is negative", (j) => (j.clubs[1].capacity = -1), "clubs[1].capacity"],
    ["a capacity is fractional", (j) => (j.clubs[1].capacity = 1.5), "clubs[1].capacity"],
    ["a capacity is a string", (j) => (j.clubs[1].capacity = "3"), "clubs[1].capacity"],
    ["a minSize is negative", (j) => (j.clubs[0].minSize = -2), "clubs[0].minSize"],
    ["grades is empty", (j) => (j.clubs[0].grades = []), "clubs[0].grades"],
    ["a grade is not an integer", (j) => (j.clubs[0].grades = [1, "2"]), "clubs[0].grades[1]"],
    ["a club meets in no slot", (j) => (j.clubs[2].slots = []), "clubs[2].slots"],
    ["a club slot repeats", (j) => (j.clubs[1].slots = ["tue", "tue"]), "clubs[1].slots[1]"],
    ["a student id is a duplicate", (j) => (j.students[2].id = "S1"), "students[2].id"],
    ["a student is null", (j) => put(j.students, 1, null), "students[1]"],
    ["a grade is missing", (j) => delete j.students[0].grade, "students[0].grade"],
    ["student slots is a string", (j) => (j.students[0].slots = "tue"), "students[0].slots"],
    ["maxClubs is negative", (j) => (j.students[2].maxClubs = -1), "students[2].maxClubs"],
    ["a choice repeats", (j) => (j.students[0].choices = ["choir", "choir"]), "students[0].choices[1]"],
    ["a choice is not a string", (j) => (j.students[0].choices = [3]), "students[0].choices[0]"],
    ["group is a number", (j) => (j.students[0].group = 12), "students[0].group"],
    ["a pin names an unknown club", (j) => (j.students[1].pinned = ["opera"]), "students[1].pinned[0]"],
    ["pins exceed maxClubs", (j) => (j.students[1].pinned = ["choir", "chess"]), "students[1].pinned"],
    [
      "two pins clash",
      (j) => {
        j.students[0].pinned = ["choir", "chess"];
      },
      "students[0].pinned[1]",
    ],
    [
      "pins overfill a club",
      (j) => {
        j.students[0].pinned = ["paint"];
        j.students[3].pinned = ["paint"];
      },
      "students[3].pinned[0]",
    ],
    ["a pin meets on a day the child is not there", (j) => (j.students[3].pinned = ["chess"]), "students[3].pinned[0]"],
    ["the seed is negative", (j) => (j.seed = -1), "seed"],
    ["the seed is not an integer", (j) => (j.seed = "7"), "seed"],
  ];
  for (const [what, mutate, field] of cases) {
    it(`When ${what}, then the error names ${field}`, () => {
      expect(fieldOf(mutate)).to.equal(field);
    });
  }
});
