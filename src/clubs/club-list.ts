// The club list of the current term, filtered by category and grade and cut
// into pages. A term has tens of clubs, not thousands, and grades are a JSON
// list, so filtering happens here rather than in SQL (same on both databases).
import type { DataSource } from "typeorm";
import { type Club, CLUB_CATEGORIES, currentTerm } from "../db";
import { pageCount, type Page } from "../http";
import { gradeRanges, type Peak } from "./core";
import { overFullClubs } from "./capacity";
import { clubListContext, clubsOfTerm } from "./store";

export interface ClubFilter {
  category: string;
  grade: number | null;
}

export interface ClubCard {
  club: Club;
  staff: string;
  /** Who may lead it (the leader first), by name. */
  eligible: string[];
  venue: string;
  grades: string;
  /** When it meets, from the draft timetable, e.g. [{ weekday: 4, period: "社团 / 体育" }]. */
  meetings: { weekday: number; period: string }[];
  /** More members than seats on some remaining date of the term (the over-full flag), or null. */
  overFull: Peak | null;
}

export function clubFilterOf(query: Record<string, unknown>): ClubFilter {
  const category =
    typeof query.category === "string" && (CLUB_CATEGORIES as readonly string[]).includes(query.category)
      ? query.category
      : "";
  const grade = typeof query.grade === "string" && /^[1-6]$/.test(query.grade) ? Number(query.grade) : null;
  return { category, grade };
}

// Cancelled clubs last, then by name as a Chinese reader sorts them.
const listOrder = (a: Club, b: Club) =>
  Number(a.cancelled) - Number(b.cancelled) || a.name.localeCompare(b.name, "zh-CN") || a.id - b.id;

/** The unfiltered list's page that holds a club (where a new club's card is, to land on it). */
export async function pageOfClub(ds: DataSource, termId: number, clubId: number, size: number): Promise<number> {
  const index = (await clubsOfTerm(ds, termId)).sort(listOrder).findIndex((c) => c.id === clubId);
  return Math.max(0, Math.floor(index / size)) + 1;
}

export async function listClubs(ds: DataSource, filter: ClubFilter, page: Page) {
  const term = await currentTerm(ds.manager);
  if (!term) return { term: null, cards: [] as ClubCard[], total: 0, pages: 1 };
  const clubs = (await clubsOfTerm(ds, term.id))
    .filter(
      (c) =>
        (!filter.category || c.category === filter.category) &&
        (filter.grade === null || c.grades.includes(filter.grade)),
    )
    .sort(listOrder);
  const shown = clubs.slice(page.skip, page.skip + page.size);
  const [[staff, venues, periods, entries], overFull] = await Promise.all([
    clubListContext(ds, term.id),
    overFullClubs(ds, term, shown),
  ]);
  const staffName = new Map(staff.map((s) => [s.id, s.name]));
  const venueName = new Map(venues.map((v) => [v.id, v.name]));
  const periodName = new Map(periods.map((p) => [p.id, p.name]));
  const cards = shown.map((club) => ({
    club,
    staff: club.staffId === null ? "" : (staffName.get(club.staffId) ?? ""),
    eligible: [...club.eligibleStaffIds]
      .sort((a, b) => Number(b === club.staffId) - Number(a === club.staffId))
      .map((id) => staffName.get(id) ?? "")
      .filter(Boolean),
    venue: club.venueId === null ? "" : (venueName.get(club.venueId) ?? ""),
    grades: gradeRanges(club.grades),
    meetings: entries
      .filter((e) => e.clubId === club.id)
      .sort((a, b) => a.weekday - b.weekday)
      .map((e) => ({ weekday: e.weekday, period: periodName.get(e.periodId) ?? "" })),
    overFull: overFull.get(club.id) ?? null,
  }));
  return { term, cards, total: clubs.length, pages: pageCount(clubs.length, page.size) };
}
