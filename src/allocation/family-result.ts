// What a family sees once a round is published: the child's clubs, waitlist
// places, open offers, weekly timetable and why they got what they got.
// Before publication it is only "not yet published" — never a draft.
import type { DataSource } from "typeorm";
import { type Student, type Term, termPeriods, keptRead, currentTerm } from "../db";
import type { ChoiceRound } from "../choices";
import { explanationView, type ExplanationView, type Mechanism } from "./core";
import { unreadCount } from "../notifications";
import type { AllocationPublication } from "./entities";
import { childOfFamily, clubsOfTerm, roundIdsOfTerm, roundsOfTerm } from "./store/school";
import { latestPublicationOf } from "./store/runs";
import { entriesOfChild, openOffersOfChild, placeInLine } from "./store/placements";
import { sweepExpiredOffers } from "./offer-sweep";
import { storedRun } from "./store/stored-run";
import { childWeek, DayPlan } from "./store/child-week";
import { slotParts } from "./slots";
import { formatStored, schoolToday, schoolZone } from "../kernel";
import { dateInTerm, seatsOfChild } from "../membership";
import { nextSteps, type NextSteps } from "./family-next-steps";

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
  /** When the child has no club: why, and what the family can do now. */
  next: NextSteps | null;
  week: DayPlan[];
}

export interface FamilyResultCard {
  result: ChildResult;
  unread: number;
}

/** The latest publication among the current term's rounds, if any. */
export function latestPublication(
  ds: DataSource,
): Promise<{ publication: AllocationPublication; round: ChoiceRound; term: Term } | null> {
  return keptRead(ds, "latestPublication", () => readLatestPublication(ds));
}

async function readLatestPublication(
  ds: DataSource,
): Promise<{ publication: AllocationPublication; round: ChoiceRound; term: Term } | null> {
  const term = await currentTerm(ds);
  if (!term) return null;
  const rounds = await roundsOfTerm(ds, term.id);
  if (!rounds.length) return null;
  const publication = await latestPublicationOf(
    ds,
    rounds.map((r) => r.id),
  );
  if (!publication) return null;
  return { publication, round: rounds.find((r) => r.id === publication.roundId)!, term };
}

export async function childResult(ds: DataSource, student: Student): Promise<ChildResult> {
  const empty: ChildResult = {
    student,
    published: false,
    clubs: [],
    waitlists: [],
    offers: [],
    explanation: null,
    next: null,
    week: [],
  };
  const latest = await latestPublication(ds);
  if (!latest) return empty;
  const { publication, round, term } = latest;
  const roundId = round.id;
  const clubs = new Map((await keptRead(ds, `clubs|${term.id}`, () => clubsOfTerm(ds, term.id))).map((c) => [c.id, c]));
  const byCode = new Map([...clubs.values()].map((c) => [c.code, c]));
  // The child's clubs are every round's, as the ledger has them today (not only the latest round's).
  const date = dateInTerm(await schoolToday(ds), term.startDate, term.endDate);
  // Waitlists and offers of every round of the term: an earlier round's offer stays open after a later round is published.
  const roundIds = await roundIdsOfTerm(ds, term.id);
  const [seats, entries, offers, periods] = await Promise.all([
    seatsOfChild(ds, student.id, date).then((all) => all.filter((s) => clubs.has(s.clubId))),
    entriesOfChild(ds, roundIds, student.id),
    openOffersOfChild(ds, roundIds, student.id),
    termPeriods(ds, term.id),
  ]);
  const waitlists = await Promise.all(
    entries.map(async (e) => ({
      clubName: clubs.get(e.clubId)?.name ?? "?",
      // The place among children still waiting or offered, not the original number.
      position: await placeInLine(ds, e),
      status: e.status,
    })),
  );
  const run = await storedRun(ds, publication.runId);
  const inInstance = run.instance.students.find((s) => s.id === student.studentNumber);
  const explained = inInstance ? run.explain(student.studentNumber) : null;
  const explanation =
    explained && inInstance
      ? explanationView(
          explained,
          (code) => byCode.get(code)?.name ?? code,
          (slot) => slotParts(slot, periods),
          inInstance.choices,
        )
      : null;
  const zone = await schoolZone(ds);
  return {
    student,
    published: true,
    roundId,
    roundName: round.name,
    publishedAt: publication.publishedAt,
    publishedText: formatStored(publication.publishedAt, zone),
    mechanism: run.mechanism,
    clubs: seats.map((p) => ({
      id: p.clubId,
      name: clubs.get(p.clubId)?.name ?? "?",
      source: p.reason === "offer" ? "offer" : "allocation",
    })),
    waitlists,
    offers: offers.map((o) => ({
      id: o.id,
      clubName: clubs.get(o.clubId)?.name ?? "?",
      expiresAt: o.expiresAt,
      expiresText: formatStored(o.expiresAt, zone),
    })),
    explanation,
    next: seats.length
      ? null
      : await nextSteps(ds, student, term.id, date, explained?.reasons.map((r) => r.code) ?? null),
    week: await childWeek(
      ds,
      term.id,
      student,
      seats.map((p) => p.clubId),
    ),
  };
}

/**
 * The card for the family home page (views/allocation/family-result.ejs).
 * Null when the child is not this family's — the caller shows nothing.
 */
export async function familyResultCard(
  ds: DataSource,
  familyId: number,
  studentId: number,
): Promise<FamilyResultCard | null> {
  const student = await childOfFamily(ds, familyId, studentId);
  if (!student) return null;
  await sweepExpiredOffers(ds);
  return { result: await childResult(ds, student), unread: await unreadCount(ds, familyId) };
}
