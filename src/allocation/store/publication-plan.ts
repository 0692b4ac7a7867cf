// What publishing a run would write, read inside the caller's transaction (or
// before it, for the admin's confirmation): the run's seats and waitlists, the
// seats taken through accepted offers that stay, and every child whose places
// change (old → new) against what the round shows now.
import { type EntityManager, In } from "typeorm";
import { Club, Student } from "../../db";
import type { ChoiceRound } from "../../choices";
import { AllocationRun, ClubPlacement, WaitlistEntry } from "../entities";
import { parseRun } from "../run-report";
import { placeDiff } from "../core";
import { clubSlots } from "./instance";

export interface PlaceChange {
  studentId: number;
  studentNumber: string;
  name: string;
  familyId: number;
  from: string[];
  to: string[];
}

export interface PublicationPlan {
  placements: { roundId: number; studentId: number; clubId: number; source: "allocation" }[];
  entries: Partial<WaitlistEntry>[];
  /** Waitlist places whose offer was accepted ("club:student"): kept, not inserted again. */
  acceptedEntries: Set<string>;
  /** Every club's slots on the published timetable (which seats meet at the same hour). */
  slotsOf: Map<number, string[]>;
  families: number[];
  changes: PlaceChange[];
}

export async function planPublication(
  em: EntityManager,
  round: ChoiceRound,
  run: AllocationRun,
): Promise<PublicationPlan> {
  const { instance, result } = parseRun(run);
  const clubId = await clubIds(
    em,
    round.termId,
    instance.clubs.map((c) => c.id),
  );
  const students = await studentsOf(
    em,
    instance.students.map((s) => s.id),
  );
  const slotsOf = await clubSlots(em, round.termId);
  const before = await em.getRepository(ClubPlacement).findBy({ roundId: round.id });
  const kept = before.filter((p) => p.source === "offer");
  const clash = (a: number, b: number) => (slotsOf.get(a) ?? []).some((slot) => (slotsOf.get(b) ?? []).includes(slot));
  // A seat the family took through an offer stands; the run's seat for that child at that hour gives way.
  const keptFor = (studentId: number, club: number) =>
    kept.some((k) => k.studentId === studentId && (k.clubId === club || clash(k.clubId, club)));
  const placements: PublicationPlan["placements"] = [];
  for (const [number, codes] of Object.entries(result.assignments)) {
    const s = students.get(number);
    // A child or club deleted since the run is skipped, never half-inserted.
    for (const code of codes)
      if (s && clubId.has(code) && !keptFor(s.id, clubId.get(code)!))
        placements.push({ roundId: round.id, studentId: s.id, clubId: clubId.get(code)!, source: "allocation" });
  }
  const entries: Partial<WaitlistEntry>[] = [];
  for (const [code, numbers] of Object.entries(result.waitlists)) {
    numbers.forEach((number, i) => {
      const s = students.get(number);
      if (s && clubId.has(code))
        entries.push({
          roundId: round.id,
          clubId: clubId.get(code)!,
          studentId: s.id,
          position: i + 1,
          status: "waiting",
        });
    });
  }
  const accepted = await em.getRepository(WaitlistEntry).findBy({ roundId: round.id, status: "accepted" });
  return {
    placements,
    entries,
    slotsOf,
    acceptedEntries: new Set(accepted.map((e) => `${e.clubId}:${e.studentId}`)),
    families: [...students.values()].map((s) => s.familyId),
    changes: await changesOf(em, before, [...kept, ...placements]),
  };
}

async function changesOf(
  em: EntityManager,
  before: { studentId: number; clubId: number }[],
  after: { studentId: number; clubId: number }[],
): Promise<PlaceChange[]> {
  const byChild = (rows: { studentId: number; clubId: number }[]) => {
    const out = new Map<number, number[]>();
    for (const r of rows) out.set(r.studentId, [...(out.get(r.studentId) ?? []), r.clubId]);
    return out;
  };
  const diff = new Map(placeDiff(byChild(before), byChild(after)).map((d) => [d.key, d]));
  const ids = [...diff.keys()];
  if (!ids.length) return [];
  const clubIdsUsed = [...new Set([...diff.values()].flatMap((d) => [...d.from, ...d.to]))];
  const names = new Map(
    (clubIdsUsed.length
      ? await em.getRepository(Club).find({ select: { id: true, name: true }, where: { id: In(clubIdsUsed) } })
      : []
    ).map((c) => [c.id, c.name]),
  );
  const people = new Map<number, Student>();
  for (let i = 0; i < ids.length; i += 500) {
    for (const s of await em.getRepository(Student).find({
      select: { id: true, name: true, studentNumber: true, familyId: true },
      where: { id: In(ids.slice(i, i + 500)) },
    }))
      people.set(s.id, s);
  }
  return ids
    .filter((id) => people.has(id))
    .map((id) => {
      const s = people.get(id)!;
      return {
        studentId: id,
        studentNumber: s.studentNumber,
        name: s.name,
        familyId: s.familyId,
        from: diff.get(id)!.from.map((c) => names.get(c) ?? String(c)),
        to: diff.get(id)!.to.map((c) => names.get(c) ?? String(c)),
      };
    });
}

async function clubIds(em: EntityManager, termId: number, codes: string[]): Promise<Map<string, number>> {
  const clubs = codes.length
    ? await em.getRepository(Club).find({ select: { id: true, code: true }, where: { termId, code: In(codes) } })
    : [];
  return new Map(clubs.map((c) => [c.code, c.id]));
}

async function studentsOf(em: EntityManager, numbers: string[]): Promise<Map<string, Student>> {
  const out = new Map<string, Student>();
  for (let i = 0; i < numbers.length; i += 500) {
    const rows = await em.getRepository(Student).find({
      select: { id: true, studentNumber: true, familyId: true },
      where: { studentNumber: In(numbers.slice(i, i + 500)) },
    });
    for (const s of rows) out.set(s.studentNumber, s);
  }
  return out;
}
