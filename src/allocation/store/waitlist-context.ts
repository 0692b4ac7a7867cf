// The facts a waitlist decision needs, read inside the caller's transaction:
// the published run's instance (each child's slots and club limit, each
// club's slots and seats) and the live placements and open offers.
import { type DataSource, type EntityManager, In } from "typeorm";
import { Club, Setting, Student } from "../../db";
import { ChoiceRound } from "../../choices";
import type { Instance } from "../core";
import { AllocationPublication, AllocationRun, ClubPlacement, WaitlistOffer } from "../entities";
import { coversClub, laterRounds } from "../../choices/core";
import { membersDuring } from "../../membership";
import { schoolToday } from "../../kernel";

export const OFFER_HOURS_KEY = "assignment.offerHours";
export const DEFAULT_OFFER_HOURS = 48;

export async function offerHours(db: DataSource | EntityManager): Promise<number> {
  const row = await db.getRepository(Setting).findOneBy({ key: OFFER_HOURS_KEY });
  const n = Number(row?.value);
  return Number.isInteger(n) && n >= 1 && n <= 24 * 14 ? n : DEFAULT_OFFER_HOURS;
}

/**
 * Row-locks the round's publication (UPDATE … version + 1) so concurrent
 * waitlist changes to one round run one after another, also across app
 * instances on PostgreSQL (SQLite's write queue already serialises them).
 * Every waitlist transaction calls this first, so locks are taken in one order.
 */
export async function lockRound(em: EntityManager, roundId: number): Promise<boolean> {
  const result = await em.getRepository(AllocationPublication).increment({ roundId }, "version", 1);
  return (result.affected ?? 0) > 0;
}

export interface WaitlistContext {
  roundId: number;
  instance: Instance;
  clubCode: Map<number, string>;
  studentNumber: Map<number, string>;
}

export async function waitlistContext(em: EntityManager, roundId: number): Promise<WaitlistContext | null> {
  const publication = await em.getRepository(AllocationPublication).findOneBy({ roundId });
  if (!publication) return null;
  const run = await em.getRepository(AllocationRun).findOneByOrFail({ id: publication.runId });
  const instance = JSON.parse(run.instance) as Instance;
  const codes = instance.clubs.map((c) => c.id);
  const numbers = instance.students.map((s) => s.id);
  const round = await em.getRepository(ChoiceRound).findOneByOrFail({ id: roundId });
  const clubs = codes.length
    ? await em
        .getRepository(Club)
        .find({ select: { id: true, code: true }, where: { termId: round.termId, code: In(codes) } })
    : [];
  const students = await studentsByNumber(em, numbers);
  return {
    roundId,
    instance,
    clubCode: new Map(clubs.map((c) => [c.id, c.code])),
    studentNumber: new Map(students.map((s) => [s.id, s.studentNumber])),
  };
}

async function studentsByNumber(em: EntityManager, numbers: string[]): Promise<Student[]> {
  const out: Student[] = [];
  for (let i = 0; i < numbers.length; i += 500) {
    out.push(
      ...(await em
        .getRepository(Student)
        .find({ select: { id: true, studentNumber: true }, where: { studentNumber: In(numbers.slice(i, i + 500)) } })),
    );
  }
  return out;
}

/**
 * Seats still free in a club for this round's waitlist: the club's CURRENT
 * capacity (a raise after publication counts, the run's frozen one does not)
 * less the ledger's members from today on (every round's; a child who left or
 * withdrew no longer holds one, a seat held until a later date is not free
 * yet) less every open offer for the club.
 */
export async function freeSeats(em: EntityManager, ctx: WaitlistContext, clubId: number): Promise<number> {
  if (!ctx.instance.clubs.some((c) => c.id === ctx.clubCode.get(clubId))) return 0;
  const row = await em.getRepository(Club).findOneBy({ id: clubId });
  if (!row) return 0;
  const members = (await membersDuring(em, clubId, await schoolToday(em), "9999-12-31")).length;
  const offered = await em.getRepository(WaitlistOffer).countBy({ clubId, status: "open" });
  return row.maxSize - members - offered;
}

/**
 * Opening a later round that covers the club stops new offers from this
 * round's waitlist for it (the top-up's lists decide now); offers already made
 * stay valid until they expire.
 */
export async function waitlistStopped(em: EntityManager, roundId: number, clubId: number, now: Date): Promise<boolean> {
  const round = await em.getRepository(ChoiceRound).findOneByOrFail({ id: roundId });
  const club = await em.getRepository(Club).findOneBy({ id: clubId });
  if (!club) return true;
  const later = laterRounds(await em.getRepository(ChoiceRound).findBy({ termId: round.termId }), round);
  return later.some((r) => r.opensAt <= now.toISOString() && coversClub(r, club));
}

/**
 * Whether a waitlisted child can take a freed seat, and which of their clubs
 * the seat would replace. A child fits when every slot the club meets in is
 * one of theirs and either (a) free of their other clubs while they are under
 * their club limit — the engine's own constraints — or (b) held only by clubs
 * they ranked LOWER than this one (an upgrade, as the design's waitlist
 * definition allows): accepting then moves them and frees that seat in turn.
 * Pinned clubs are the admin's decision and are never replaced.
 */
export async function seatPlan(
  em: EntityManager,
  ctx: WaitlistContext,
  studentId: number,
  clubId: number,
): Promise<{ fits: boolean; replaces: number[] }> {
  const no = { fits: false, replaces: [] };
  const student = ctx.instance.students.find((s) => s.id === ctx.studentNumber.get(studentId));
  const club = ctx.instance.clubs.find((c) => c.id === ctx.clubCode.get(clubId));
  if (!student || !club || !club.slots.every((slot) => student.slots.includes(slot))) return no;
  const held = await em.getRepository(ClubPlacement).findBy({ roundId: ctx.roundId, studentId });
  if (held.some((p) => p.clubId === clubId)) return no;
  const codeOf = (id: number) => ctx.clubCode.get(id) ?? "";
  const slotsOf = (id: number) => ctx.instance.clubs.find((c) => c.id === codeOf(id))?.slots ?? [];
  const clashing = held.filter((p) => slotsOf(p.clubId).some((slot) => club.slots.includes(slot)));
  if (clashing.length === 0) return held.length < student.maxClubs ? { fits: true, replaces: [] } : no;
  const rank = (code: string) => student.choices.indexOf(code);
  const wanted = rank(club.id);
  const upgrade =
    wanted >= 0 && clashing.every((p) => !student.pinned.includes(codeOf(p.clubId)) && rank(codeOf(p.clubId)) > wanted);
  return upgrade ? { fits: true, replaces: clashing.map((p) => p.clubId) } : no;
}

export async function fits(
  em: EntityManager,
  ctx: WaitlistContext,
  studentId: number,
  clubId: number,
): Promise<boolean> {
  return (await seatPlan(em, ctx, studentId, clubId)).fits;
}
