// Builds the allocation instance of a choice round from the database: the
// round's Preferences, the children's ServiceEnrollment weekdays, the clubs of
// the term with the slots they meet in on the PUBLISHED timetable, and the
// admin's pins. Ids are the stable human ones (club code, student number) so
// a downloaded instance reads well and re-runs on any machine.
// The text is canonical (fixed key and row order, one trailing newline), so
// the same database state always gives the same bytes.
import { type DataSource, type EntityManager, In } from "typeorm";
import { Period, ServiceEnrollment, Student } from "../../db";
import { ChoiceRound, Preference } from "../../choices";
import type { Instance, Student as InstanceStudent, Club as InstanceClub } from "../core";
import { roundSeats } from "./round-seats";
import { AllocationPin } from "../entities";
import { slotOrder, slotsByPeriod } from "../slots";
import { publishedOf } from "../../timetable";

export interface BuiltInstance {
  round: ChoiceRound;
  instance: Instance;
  /** JSON.stringify(instance) + "\n": what is stored, downloaded and re-run. */
  text: string;
  /** Student numbers by first submission: the first-come-first-served order. */
  submissionOrder: string[];
  /** Pins left out because their club is cancelled or never meets. */
  ignoredPins: AllocationPin[];
}

type Db = DataSource | EntityManager;

/** Each club's slots ("thu-2") on the term's published timetable; clubs that never meet get none. */
export async function clubSlots(db: Db, termId: number): Promise<Map<number, string[]>> {
  const periods = await db.getRepository(Period).findBy({ termId });
  const slotOf = slotsByPeriod(periods);
  const out = new Map<number, string[]>();
  // As every reader sees it: rows that are not valid entries are left out by the timetable.
  for (const e of (await publishedOf(db, termId)).rows) {
    if (e.clubId == null) continue;
    const slot = slotOf(e.weekday, e.periodId);
    if (!slot) continue;
    const list = out.get(e.clubId) ?? [];
    if (!list.includes(slot)) list.push(slot);
    out.set(e.clubId, list);
  }
  for (const list of out.values()) list.sort(slotOrder);
  return out;
}

export async function buildInstance(db: Db, round: ChoiceRound, seed: number): Promise<BuiltInstance> {
  const termId = round.termId;
  const slotsOf = await clubSlots(db, termId);
  // Issue 18: the clubs this round covers, each with the seats the ledger and
  // other rounds' open offers leave on the round's effective date.
  const covered = await roundSeats(db, round, slotsOf);
  const clubRows = covered.clubs.map((c) => c.club);
  const codeOf = new Map(clubRows.map((c) => [c.id, c.code]));
  const clubs: InstanceClub[] = covered.clubs.map(({ club: c, seats, minSize }) => ({
    id: c.code,
    capacity: seats,
    minSize,
    grades: [...c.grades].sort((a, b) => a - b),
    slots: slotsOf.get(c.id)!,
  }));
  const heldBy = new Map<number, number[]>();
  for (const h of covered.held) heldBy.set(h.studentId, [...new Set([...(heldBy.get(h.studentId) ?? []), h.clubId])]);

  const preferences = await db
    .getRepository(Preference)
    .find({ where: { roundId: round.id }, order: { submittedAt: "ASC", id: "ASC" } });
  const pins = await db.getRepository(AllocationPin).find({ where: { roundId: round.id }, order: { id: "ASC" } });
  const studentIds = [...new Set([...preferences.map((p) => p.studentId), ...pins.map((p) => p.studentId)])];
  const students = studentIds.length
    ? await db
        .getRepository(Student)
        .find({ where: { id: In(studentIds), archived: false }, relations: { schoolClass: true } })
    : [];
  const inRound = (s: Student) =>
    round.grades.length === 0 || round.grades.includes(s.schoolClass.grade) || pins.some((p) => p.studentId === s.id);
  const kept = students
    .filter(inRound)
    .sort((a, b) => (a.studentNumber < b.studentNumber ? -1 : a.studentNumber > b.studentNumber ? 1 : 0));
  const enrollments = new Map(
    (kept.length
      ? await db.getRepository(ServiceEnrollment).findBy({ termId, studentId: In(kept.map((s) => s.id)) })
      : []
    ).map((e) => [e.studentId, e.weekdays]),
  );
  const periods = await db.getRepository(Period).findBy({ termId });
  const slotOf = slotsByPeriod(periods);
  const prefOf = new Map(preferences.map((p) => [p.studentId, p]));

  const instanceStudents: InstanceStudent[] = kept.map((s) => {
    const pref = prefOf.get(s.id);
    const grade = s.schoolClass.grade;
    const slots: string[] = [];
    for (const weekday of [...(enrollments.get(s.id) ?? [])].sort((a, b) => a - b)) {
      for (const p of periods) {
        const slot = slotOf(weekday, p.id);
        if (slot && p.grades.includes(grade) && !slots.includes(slot)) slots.push(slot);
      }
    }
    slots.sort(slotOrder);
    // A child keeps the places held: not pins but slots taken (the held club's
    // slots leave the child's, maxClubs drops by one each), unless the family asked
    // to swap that club, whose slot goes back into play (released only if placed elsewhere).
    const held = heldBy.get(s.id) ?? [];
    const swap = pref?.swapClubIds ?? [];
    const kept = held.filter((id) => !swap.includes(id));
    const taken = new Set(kept.flatMap((id) => slotsOf.get(id) ?? []));
    for (let i = slots.length - 1; i >= 0; i--) if (taken.has(slots[i])) slots.splice(i, 1);
    const choices = [
      ...new Set(
        (pref?.clubIds ?? [])
          .filter((id) => !held.includes(id))
          .map((id) => codeOf.get(id))
          .filter((c): c is string => c !== undefined),
      ),
    ];
    const pinned = pins.filter((p) => p.studentId === s.id && codeOf.has(p.clubId)).map((p) => codeOf.get(p.clubId)!);
    // The family's own limit holds for pins too: a pin beyond it is refused by the engine.
    const maxClubs = Math.max(
      0,
      (pref ? Math.min(pref.maxClubs, round.maxClubsPerChild) : round.maxClubsPerChild) - kept.length,
    );
    const group = pref?.placeWithSiblings ? { group: `F${s.familyId}` } : {};
    return { id: s.studentNumber, grade, slots, maxClubs, choices, ...group, pinned };
  });

  const instance: Instance = { seed, clubs, students: instanceStudents };
  const numberOf = new Map(kept.map((s) => [s.id, s.studentNumber]));
  return {
    round,
    instance,
    text: JSON.stringify(instance) + "\n",
    submissionOrder: preferences.map((p) => numberOf.get(p.studentId)).filter((n): n is string => n !== undefined),
    ignoredPins: pins.filter((p) => !codeOf.has(p.clubId)),
  };
}
