// What a family sees once a round is published: the child's clubs, waitlist
// places, open offers, weekly timetable and why they got what they got.
// Before publication it is only "not yet published" — never a draft.
import { type DataSource, In, LessThan } from "typeorm";
import { Club, Student, Term, termPeriods, keptRead, currentTerm } from "../db";
import { ChoiceRound } from "../choices/entities";
import type { Mechanism } from "./core";
import { unreadCount } from "../notifications/store";
import { AllocationPublication, WaitlistEntry, WaitlistOffer } from "./entities";
import { explanationView, ExplanationView } from "./core/explain-text";
import { sweepExpiredOffers } from "./offer-sweep";
import { storedRun } from "./store/stored-run";
import { childWeek, DayPlan } from "./store/child-week";
import { slotParts } from "./slots";
import { formatStored, schoolToday, schoolZone } from "../kernel";
import { dateInTerm, seatsOfChild } from "../membership";

export interface ChildResult {
  student: Student;
  published: boolean;
  roundId?: number;
  roundName?: string;
  publishedAt?: string;
  /** publishedAt in the school's time zone. */
  publishedText?: string;
  mechanism?: Mechanism;
  clubs: { id: number; name: string; source: string }[];
  waitlists: { clubName: string; position: number; status: string }[];
  offers: { id: number; clubName: string; expiresAt: string; expiresText: string }[];
  explanation: ExplanationView | null;
  week: DayPlan[];
}

export interface FamilyResultCard { result: ChildResult; unread: number }

/** The latest publication among the current term's rounds, if any. */
export function latestPublication(ds: DataSource): Promise<{ publication: AllocationPublication; round: ChoiceRound; term: Term } | null> {
  return keptRead(ds, "latestPublication", () => readLatestPublication(ds));
}

async function readLatestPublication(ds: DataSource): Promise<{ publication: AllocationPublication; round: ChoiceRound; term: Term } | null> {
  const term = await currentTerm(ds);
  if (!term) return null;
  const rounds = await ds.getRepository(ChoiceRound).findBy({ termId: term.id });
  if (!rounds.length) return null;
  const publication = await ds.getRepository(AllocationPublication).findOne({ where: { roundId: In(rounds.map((r) => r.id)) }, order: { publishedAt: "DESC", id: "DESC" } });
  if (!publication) return null;
  return { publication, round: rounds.find((r) => r.id === publication.roundId)!, term };
}

export async function childResult(ds: DataSource, student: Student): Promise<ChildResult> {
  const empty: ChildResult = { student, published: false, clubs: [], waitlists: [], offers: [], explanation: null, week: [] };
  const latest = await latestPublication(ds);
  if (!latest) return empty;
  const { publication, round, term } = latest;
  const roundId = round.id;
  const clubs = new Map((await keptRead(ds, `clubs|${term.id}`, () => ds.getRepository(Club).findBy({ termId: term.id }))).map((c) => [c.id, c]));
  const byCode = new Map([...clubs.values()].map((c) => [c.code, c]));
  // The child's clubs are every round's, as the ledger has them today (not only the latest round's).
  const date = dateInTerm(await schoolToday(ds), term.startDate, term.endDate);
  // Waitlists and offers of every round of the term: an earlier round's offer stays open after a later round is published.
  const roundIds = (await ds.getRepository(ChoiceRound).find({ where: { termId: term.id }, select: { id: true } })).map((r) => r.id);
  const [seats, entries, offers, periods] = await Promise.all([
    seatsOfChild(ds, student.id, date).then((all) => all.filter((s) => clubs.has(s.clubId))),
    ds.getRepository(WaitlistEntry).find({ where: { roundId: In(roundIds), studentId: student.id, status: In(["waiting", "offered"]) }, order: { roundId: "ASC", position: "ASC" } }),
    ds.getRepository(WaitlistOffer).find({ where: { roundId: In(roundIds), studentId: student.id, status: "open" }, order: { expiresAt: "ASC" } }),
    termPeriods(ds, term.id),
  ]);
  const waitlists = await Promise.all(entries.map(async (e) => ({
    clubName: clubs.get(e.clubId)?.name ?? "?",
    // The place among children still waiting or offered, not the original number.
    position: 1 + await ds.getRepository(WaitlistEntry).countBy({ roundId: e.roundId, clubId: e.clubId, status: In(["waiting", "offered"]), position: LessThan(e.position) }),
    status: e.status,
  })));
  const run = await storedRun(ds, publication.runId);
  const inInstance = run.instance.students.find((s) => s.id === student.studentNumber);
  const explanation = inInstance
    ? explanationView(
      run.explain(student.studentNumber),
      (code) => byCode.get(code)?.name ?? code,
      (slot) => slotParts(slot, periods),
      inInstance.choices,
    )
    : null;
  const zone = await schoolZone(ds);
  return {
    student, published: true, roundId, roundName: round.name, publishedAt: publication.publishedAt,
    publishedText: formatStored(publication.publishedAt, zone), mechanism: run.mechanism,
    clubs: seats.map((p) => ({ id: p.clubId, name: clubs.get(p.clubId)?.name ?? "?", source: p.reason === "offer" ? "offer" : "allocation" })),
    waitlists,
    offers: offers.map((o) => ({ id: o.id, clubName: clubs.get(o.clubId)?.name ?? "?", expiresAt: o.expiresAt, expiresText: formatStored(o.expiresAt, zone) })),
    explanation,
    week: await childWeek(ds, term.id, student, seats.map((p) => p.clubId)),
  };
}

/**
 * The card for the family home page (views/allocation/family-result.ejs).
 * Null when the child is not this family's — the caller shows nothing.
 */
export async function familyResultCard(ds: DataSource, familyId: number, studentId: number): Promise<FamilyResultCard | null> {
  // find, not findOne: with a relation, findOne's LIMIT adds a DISTINCT query; the key gives one row.
  const [student] = await ds.getRepository(Student).find({ where: { id: studentId, familyId, archived: false }, relations: { schoolClass: true } });
  if (!student) return null;
  await sweepExpiredOffers(ds);
  return { result: await childResult(ds, student), unread: await unreadCount(ds, familyId) };
}
