// The published state of a round for the admin: seats taken per club, who is
// waiting, which offers are open — and for one chosen club, its members and
// waitlist, where a child can be withdrawn.
import type { DataSource } from "typeorm";
import type { Student } from "../db";
import { overFullClubs } from "../clubs";
import type { ChoiceRound } from "../choices";
import type { ClubPlacement } from "./entities";
import { parseRun } from "./run-report";
import { type Page, pageCount } from "../http";
import { clubsByCodes, termByIdOrFail } from "./store/school";
import { publicationOf, runByIdOrFail, runNumberAt } from "./store/runs";
import {
  membersOfClub,
  offersOfClub,
  openOffersOfRound,
  placementsOfRound,
  waitingOfRound,
  waitlistPage,
} from "./store/placements";
import { schoolToday } from "../kernel";
import { dateInTerm, membersOn } from "../membership";

export async function placementsPage(ds: DataSource, round: ChoiceRound, clubId: number | null, page: Page) {
  const publication = await publicationOf(ds, round.id);
  const none = { page: 1, pages: 1 };
  if (!publication) return { round, publication: null, clubs: [], selected: null, ...none };
  const run = await runByIdOrFail(ds, publication.runId);
  const publishedNumber = await runNumberAt(ds, round.id, run.id);
  const { instance } = parseRun(run);
  const clubRows = await clubsByCodes(
    ds,
    round.termId,
    instance.clubs.map((c) => c.id),
  );
  // The round's seats that the ledger still has today: a child who left the school keeps a placement row but no club.
  const term = await termByIdOrFail(ds, round.termId);
  const today = await membersOn(
    ds,
    clubRows.map((c) => c.id),
    dateInTerm(await schoolToday(ds), term.startDate, term.endDate),
  );
  const held = (p: ClubPlacement) => today.get(p.clubId)?.has(p.studentId) ?? false;
  const [placements, waiting, offers] = await Promise.all([
    placementsOfRound(ds, round.id).then((rows) => rows.filter(held)),
    waitingOfRound(ds, round.id),
    openOffersOfRound(ds, round.id),
  ]);
  const count = <T extends { clubId: number }>(rows: T[], id: number) => rows.filter((r) => r.clubId === id).length;
  // The club's current capacity, not the run's: a raise or a cut made since publication shows at once.
  // The run allocated within its own capacities; a club's capacity lowered since (or other rounds' seats) can leave it over full.
  const overFull = await overFullClubs(ds, term, clubRows);
  const clubs = clubRows.map((c) => ({
    id: c.id,
    name: c.name,
    capacity: c.maxSize,
    members: count(placements, c.id),
    waiting: count(waiting, c.id),
    offers: count(offers, c.id),
    overFull: overFull.has(c.id) ? { ...overFull.get(c.id)!, maxSize: c.maxSize } : null,
  }));
  const club = clubId !== null ? (clubs.find((c) => c.id === clubId) ?? null) : null;
  if (!club) return { round, publication, publishedNumber, clubs, selected: null, ...none };
  const [memberRows, [entryRows, entryTotal], offerRows] = await Promise.all([
    membersOfClub(ds, round.id, club.id).then((rows) => rows.filter(held)),
    // A popular club's waitlist runs to hundreds: it is paged.
    waitlistPage(ds, round.id, club.id, page.skip, page.size),
    offersOfClub(ds, round.id, club.id),
  ]);
  const byNumber = (a: { student: Student }, b: { student: Student }) =>
    a.student.studentNumber.localeCompare(b.student.studentNumber);
  return {
    round,
    publication,
    publishedNumber,
    clubs,
    selected: { club, members: memberRows.sort(byNumber), entries: entryRows, entryTotal, offers: offerRows },
    page: page.page,
    pages: pageCount(entryTotal, page.size),
  };
}
