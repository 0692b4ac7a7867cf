// Publishing flips which run families see for a round, atomically: one
// transaction replaces the round's placements, waitlists and offers with the
// run's result, points the publication at the run and notifies every family
// in it. Before it commits families see the old state (or nothing); after,
// everyone sees the new one at once.
import type { DataSource, EntityManager } from "typeorm";
import { In } from "typeorm";
import { Club, Student } from "../../db/entities";
import { ChoiceRound } from "../../choices/entities";
import { inTransaction } from "../../db/transaction";
import { nowIso } from "../../db/entities/columns";
import { Actor, recordAudit } from "../../audit/audit-service";
import { notifyMany } from "../../notifications/notification-service";
import { AllocationPublication, AllocationRun, ClubPlacement, WaitlistEntry, WaitlistOffer } from "./entities";
import { parseRun } from "./run-report";
import { allocationBlockers, PolicyBlockers } from "./publish-blockers";
import { recordPublication } from "../../membership";

export class PublishBlocked extends Error {
  constructor(readonly blockers: PolicyBlockers) { super("publishing blocked by policy errors"); }
}

export interface PublishRequest { overrideReason: string | null }

export async function publishRun(ds: DataSource, run: AllocationRun, request: PublishRequest, actor: Actor): Promise<void> {
  const round = await ds.getRepository(ChoiceRound).findOneByOrFail({ id: run.roundId });
  const blockers = await allocationBlockers(ds, round.termId, run);
  if (blockers.errors > 0 && !request.overrideReason) throw new PublishBlocked(blockers);
  const { instance, result } = parseRun(run);
  await inTransaction(ds, async (em) => {
    const at = nowIso();
    const previous = await em.getRepository(AllocationPublication).findOneBy({ roundId: round.id });
    // Taking the round's lock first keeps waitlist changes from interleaving with the flip.
    if (previous) await em.getRepository(AllocationPublication).increment({ roundId: round.id }, "version", 1);
    await em.getRepository(WaitlistOffer).delete({ roundId: round.id });
    await em.getRepository(WaitlistEntry).delete({ roundId: round.id });
    await em.getRepository(ClubPlacement).delete({ roundId: round.id });
    const clubId = await clubIds(em, round.termId, instance.clubs.map((c) => c.id));
    const students = await studentsOf(em, instance.students.map((s) => s.id));
    const placements: Partial<ClubPlacement>[] = [];
    for (const [number, clubs] of Object.entries(result.assignments)) {
      const s = students.get(number);
      // A child or club deleted since the run is skipped, never half-inserted.
      for (const code of clubs) if (s && clubId.has(code)) placements.push({ roundId: round.id, studentId: s.id, clubId: clubId.get(code)!, source: "allocation", createdAt: at });
    }
    const entries: Partial<WaitlistEntry>[] = [];
    for (const [code, numbers] of Object.entries(result.waitlists)) {
      numbers.forEach((number, i) => {
        const s = students.get(number);
        if (s && clubId.has(code)) entries.push({ roundId: round.id, clubId: clubId.get(code)!, studentId: s.id, position: i + 1, status: "waiting" });
      });
    }
    await insertChunks(em, ClubPlacement, placements);
    // The ledger is what everyone reads: this round's seats, next to other rounds' members.
    const slotsOf = new Map(instance.clubs.filter((c) => clubId.has(c.id)).map((c) => [clubId.get(c.id)!, c.slots]));
    await recordPublication(em, round.id, run.id, placements.map((p) => ({ studentId: p.studentId!, clubId: p.clubId! })), slotsOf, at);
    await insertChunks(em, WaitlistEntry, entries);
    if (previous) await em.getRepository(AllocationPublication).update({ id: previous.id }, { runId: run.id, publishedAt: at, publishedById: actorId(actor) });
    else await em.getRepository(AllocationPublication).insert({ roundId: round.id, runId: run.id, publishedAt: at, publishedById: actorId(actor), version: 0 });
    const families = [...new Set([...students.values()].map((s) => s.familyId))];
    await notifyMany(em, families.map((familyId) => ({ familyId, kind: "allocation.published", payload: { round: round.name, link: "/results" } })), at);
    await recordAudit(em, actor, {
      action: "allocation.publish", entity: "allocation_run", entityId: run.id, reason: request.overrideReason,
      details: {
        roundId: round.id, previousRunId: previous?.runId ?? null, placements: placements.length, waitlisted: entries.length,
        policyErrors: blockers.errors, policyWarnings: blockers.warnings, overridden: blockers.errors > 0,
      },
    });
  });
}

export function publicationOf(ds: DataSource, roundId: number): Promise<AllocationPublication | null> {
  return ds.getRepository(AllocationPublication).findOneBy({ roundId });
}

const actorId = (actor: Actor): number | null => (actor.kind === "staff" ? actor.id : null);

async function clubIds(em: EntityManager, termId: number, codes: string[]): Promise<Map<string, number>> {
  const clubs = codes.length ? await em.getRepository(Club).find({ select: { id: true, code: true }, where: { termId, code: In(codes) } }) : [];
  return new Map(clubs.map((c) => [c.code, c.id]));
}

async function studentsOf(em: EntityManager, numbers: string[]): Promise<Map<string, Student>> {
  const out = new Map<string, Student>();
  for (let i = 0; i < numbers.length; i += 500) {
    const rows = await em.getRepository(Student).find({ select: { id: true, studentNumber: true, familyId: true }, where: { studentNumber: In(numbers.slice(i, i + 500)) } });
    for (const s of rows) out.set(s.studentNumber, s);
  }
  return out;
}

async function insertChunks<T extends object>(em: EntityManager, entity: new () => T, rows: Partial<T>[]): Promise<void> {
  for (let i = 0; i < rows.length; i += 200) await em.getRepository(entity).insert(rows.slice(i, i + 200) as never);
}
