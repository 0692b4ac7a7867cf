// parseInstance: the one gate between untrusted JSON and the engine. Every
// rejection is an InstanceError naming the field, e.g.
// `students[3].choices[1]: unknown club "chez"`. Pins are checked here too,
// because pins that cannot all hold (clash, overfill, exceed maxClubs, or meet
// in a slot the child is not there for) are bad input, not an allocation
// outcome. Defaults: seed 0, minSize 0, maxClubs 1, pinned [], grades = all.

import { InstanceError } from "./instance-error";
import {
  describe,
  Json,
  readArray,
  readId,
  readInteger,
  readIntegerList,
  readObject,
  readOptionalInteger,
  readStringList,
} from "./parse-fields";
import type { Club, Instance, Student } from "./types";

export function parseInstance(json: unknown): Instance {
  const root = readObject(json, "");
  const seed = readOptionalInteger(root.seed, "", "seed", 0, 0);
  const clubs = readArray(root.clubs, "", "clubs").map((c, i) => parseClub(c, `clubs[${i}]`));
  const clubIndex = indexClubs(clubs);
  const students = readArray(root.students, "", "students").map((s, i) => parseStudent(s, `students[${i}]`, clubIndex));
  checkStudentIds(students);
  checkPins(students, clubs, clubIndex);
  return { seed, clubs, students };
}

function parseClub(value: Json, field: string): Club {
  const o = readObject(value, field);
  const club: Club = {
    id: readId(o.id, field, "id"),
    capacity: readInteger(o.capacity, field, "capacity", 0),
    minSize: readOptionalInteger(o.minSize, field, "minSize", 0, 0),
    slots: readStringList(o.slots, field, "slots", "slot"),
  };
  if (club.slots.length === 0) throw new InstanceError(`${field}.slots`, "a club must meet in at least one slot");
  if (o.grades !== undefined && o.grades !== null) {
    club.grades = readIntegerList(o.grades, field, "grades");
    if (club.grades.length === 0)
      throw new InstanceError(`${field}.grades`, "must list at least one grade (omit it for all grades)");
  }
  return club;
}

function parseStudent(value: Json, field: string, clubIndex: Map<string, number>): Student {
  const o = readObject(value, field);
  const student: Student = {
    id: readId(o.id, field, "id"),
    grade: readInteger(o.grade, field, "grade", Number.MIN_SAFE_INTEGER),
    slots: readStringList(o.slots, field, "slots", "slot"),
    maxClubs: readOptionalInteger(o.maxClubs, field, "maxClubs", 0, 1),
    choices: readStringList(o.choices, field, "choices", "choice"),
    pinned: o.pinned === undefined || o.pinned === null ? [] : readStringList(o.pinned, field, "pinned", "pin"),
  };
  if (o.group !== undefined && o.group !== null) {
    if (typeof o.group !== "string")
      throw new InstanceError(`${field}.group`, `expected a string, got ${describe(o.group)}`);
    student.group = o.group;
  }
  checkKnown(student.choices, field, "choices", clubIndex);
  checkKnown(student.pinned, field, "pinned", clubIndex);
  return student;
}

function checkKnown(ids: string[], field: string, key: string, clubIndex: Map<string, number>): void {
  for (let i = 0; i < ids.length; i++) {
    if (!clubIndex.has(ids[i]))
      throw new InstanceError(`${field}.${key}[${i}]`, `unknown club ${JSON.stringify(ids[i])}`);
  }
}

function indexClubs(clubs: Club[]): Map<string, number> {
  const index = new Map<string, number>();
  clubs.forEach((club, i) => {
    if (index.has(club.id)) throw new InstanceError(`clubs[${i}].id`, `duplicate club id ${JSON.stringify(club.id)}`);
    index.set(club.id, i);
  });
  return index;
}

function checkStudentIds(students: Student[]): void {
  const seen = new Set<string>();
  students.forEach((s, i) => {
    if (seen.has(s.id)) throw new InstanceError(`students[${i}].id`, `duplicate student id ${JSON.stringify(s.id)}`);
    seen.add(s.id);
  });
}

// A pin is an admin's promise to a family; if it cannot be kept the input is
// wrong, and we say which pin breaks it rather than silently dropping one.
function checkPins(students: Student[], clubs: Club[], clubIndex: Map<string, number>): void {
  const pinnedSeats = new Int32Array(clubs.length);
  students.forEach((s, i) => {
    if (s.pinned.length === 0) return;
    const field = `students[${i}].pinned`;
    if (s.pinned.length > s.maxClubs) {
      throw new InstanceError(field, `${s.pinned.length} pinned clubs exceed maxClubs ${s.maxClubs}`);
    }
    const busy = new Map<string, string>();
    s.pinned.forEach((clubId, j) => {
      const c = clubIndex.get(clubId)!;
      const club = clubs[c];
      for (const slot of club.slots) {
        if (!s.slots.includes(slot)) {
          throw new InstanceError(
            `${field}[${j}]`,
            `club ${JSON.stringify(clubId)} meets in slot ${JSON.stringify(slot)}, which the student has not chosen`,
          );
        }
        const other = busy.get(slot);
        if (other !== undefined) {
          throw new InstanceError(
            `${field}[${j}]`,
            `club ${JSON.stringify(clubId)} clashes with pinned club ${JSON.stringify(other)} in slot ${JSON.stringify(slot)}`,
          );
        }
        busy.set(slot, clubId);
      }
      if (++pinnedSeats[c] > club.capacity) {
        throw new InstanceError(
          `${field}[${j}]`,
          `club ${JSON.stringify(clubId)} has capacity ${club.capacity}, fewer than the children pinned to it`,
        );
      }
    });
  });
}
