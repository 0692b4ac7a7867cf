// Why a child got what they got, as language-free codes the web layer
// translates. Every choice ranked above the child's worst met choice is
// explained (all choices when no listed club was met). Reasons are read from
// the instance and the final result only, so an explanation can be rebuilt
// from a stored Allocation at any time.
// Under `optimal` a full club is just `full` — the optimum, not the draw,
// decided; under `lottery` it is `drew-later`: the seats went to earlier turns.

import { InstanceError } from "./instance-error";
import type { Club, Instance, Result, ResultMechanism, Student } from "./types";

export type ReasonCode =
  | "met"
  | "full"
  | "drew-later"
  | "clash"
  | "not-eligible-grade"
  | "slot-not-chosen"
  | "max-clubs-reached"
  | "unexplained";

export interface Reason {
  clubId: string;
  rank: number;
  code: ReasonCode;
  /** full / drew-later: seats, and how many children ranked the club at all. */
  capacity?: number;
  rankedBy?: number;
  /** clash: the held club meeting in the same slot. */
  with?: string;
  /** clash / slot-not-chosen: the slot concerned. */
  slot?: string;
  /** not-eligible-grade */
  grade?: number;
  /** max-clubs-reached */
  maxClubs?: number;
}

export interface Explanation {
  studentId: string;
  mechanism: ResultMechanism;
  clubs: string[];
  reasons: Reason[];
}

export function explainPlacement(
  instance: Instance,
  result: Result,
  mechanism: ResultMechanism,
  studentId: string,
): Explanation {
  const student = instance.students.find((s) => s.id === studentId);
  if (!student) throw new InstanceError("studentId", `unknown student ${JSON.stringify(studentId)}`);
  const clubs = new Map(instance.clubs.map((c) => [c.id, c]));
  const held = result.assignments[studentId] ?? [];
  const worstMet = Math.max(0, ...held.map((id) => student.choices.indexOf(id) + 1));
  const explained = worstMet > 0 ? student.choices.slice(0, worstMet) : student.choices;
  const reasons = explained.map((clubId, i) =>
    reasonFor(instance, result, mechanism, student, held, clubs, clubId, i + 1),
  );
  return { studentId, mechanism, clubs: held, reasons };
}

function reasonFor(
  instance: Instance,
  result: Result,
  mechanism: ResultMechanism,
  student: Student,
  held: string[],
  clubs: Map<string, Club>,
  clubId: string,
  rank: number,
): Reason {
  const club = clubs.get(clubId)!;
  const base = { clubId, rank };
  if (held.includes(clubId)) return { ...base, code: "met" };
  if (club.grades && !club.grades.includes(student.grade))
    return { ...base, code: "not-eligible-grade", grade: student.grade };
  const missing = club.slots.find((slot) => !student.slots.includes(slot));
  if (missing !== undefined) return { ...base, code: "slot-not-chosen", slot: missing };
  const clash = (ids: string[]) => {
    for (const id of ids) {
      const slot = clubs.get(id)!.slots.find((s) => club.slots.includes(s));
      if (slot !== undefined) return { ...base, code: "clash" as const, with: id, slot };
    }
    return undefined;
  };
  // Pins cannot be given up, so when they alone fill maxClubs nothing else could ever fit.
  if (student.pinned.length >= student.maxClubs)
    return { ...base, code: "max-clubs-reached", maxClubs: student.maxClubs };
  const pinClash = clash(student.pinned);
  if (pinClash) return pinClash;
  const members = countMembers(result, clubId);
  if (members >= club.capacity) {
    return {
      ...base,
      code: mechanism === "lottery" ? "drew-later" : "full",
      capacity: club.capacity,
      rankedBy: rankedBy(instance, clubId),
    };
  }
  const heldClash = clash(held);
  if (heldClash) return heldClash;
  if (held.length >= student.maxClubs) return { ...base, code: "max-clubs-reached", maxClubs: student.maxClubs };
  return { ...base, code: "unexplained" };
}

function countMembers(result: Result, clubId: string): number {
  let n = 0;
  for (const id in result.assignments) if (result.assignments[id].includes(clubId)) n++;
  return n;
}

function rankedBy(instance: Instance, clubId: string): number {
  let n = 0;
  for (const s of instance.students) if (s.choices.includes(clubId)) n++;
  return n;
}
