// The club list of the current term, filtered by category and grade and cut
// into pages. A term has tens of clubs, not thousands, and grades are a JSON
// list, so filtering happens here rather than in SQL (same on both databases).
import type { DataSource } from "typeorm";
import { Club, Period, Staff, TimetableEntry, Venue, CLUB_CATEGORIES } from "../db";
import { pageCount, type Page } from "../http/pagination";
import { currentTerm } from "../timetable/store/week";
import type { Peak } from "../membership";
import { overFullClubs } from "./capacity";

export interface ClubFilter { category: string; grade: number | null }

export interface ClubCard {
  club: Club;
  staff: string;
  venue: string;
  grades: string;
  /** When it meets, from the draft timetable, e.g. [{ weekday: 4, period: "社团 / 体育" }]. */
  meetings: { weekday: number; period: string }[];
  /** More members than seats on some remaining date of the term (the over-full flag), or null. */
  overFull: Peak | null;
}

export function clubFilterOf(query: Record<string, unknown>): ClubFilter {
  const category = typeof query.category === "string" && (CLUB_CATEGORIES as readonly string[]).includes(query.category) ? query.category : "";
  const grade = typeof query.grade === "string" && /^[1-6]$/.test(query.grade) ? Number(query.grade) : null;
  return { category, grade };
}

export async function listClubs(ds: DataSource, filter: ClubFilter, page: Page) {
  const term = await currentTerm(ds.manager);
  if (!term) return { term: null, cards: [] as ClubCard[], total: 0, pages: 1 };
  const clubs = (await ds.getRepository(Club).findBy({ termId: term.id }))
    .filter((c) => (!filter.category || c.category === filter.category) && (filter.grade === null || c.grades.includes(filter.grade)))
    .sort((a, b) => Number(a.cancelled) - Number(b.cancelled) || a.name.localeCompare(b.name, "zh-CN") || a.id - b.id);
  const shown = clubs.slice(page.skip, page.skip + page.size);
  const [staff, venues, periods, entries, overFull] = await Promise.all([
    ds.getRepository(Staff).find({ select: { id: true, name: true } }),
    ds.getRepository(Venue).find({ select: { id: true, name: true } }),
    ds.getRepository(Period).findBy({ termId: term.id }),
    ds.getRepository(TimetableEntry).findBy({ termId: term.id, kind: "club" }),
    overFullClubs(ds, term, shown),
  ]);
  const staffName = new Map(staff.map((s) => [s.id, s.name]));
  const venueName = new Map(venues.map((v) => [v.id, v.name]));
  const periodName = new Map(periods.map((p) => [p.id, p.name]));
  const cards = shown.map((club) => ({
    club,
    staff: club.staffId === null ? "" : staffName.get(club.staffId) ?? "",
    venue: club.venueId === null ? "" : venueName.get(club.venueId) ?? "",
    grades: gradeRanges(club.grades),
    meetings: entries.filter((e) => e.clubId === club.id).sort((a, b) => a.weekday - b.weekday)
      .map((e) => ({ weekday: e.weekday, period: periodName.get(e.periodId) ?? "" })),
    overFull: overFull.get(club.id) ?? null,
  }));
  return { term, cards, total: clubs.length, pages: pageCount(clubs.length, page.size) };
}

// [1,2,3,5] → "1–3, 5": how schools write grade ranges.
export function gradeRanges(grades: number[]): string {
  const sorted = [...new Set(grades)].sort((a, b) => a - b);
  const parts: string[] = [];
  for (let i = 0; i < sorted.length; i++) {
    let j = i;
    while (j + 1 < sorted.length && sorted[j + 1] === sorted[j] + 1) j++;
    parts.push(j > i ? `${sorted[i]}–${sorted[j]}` : String(sorted[i]));
    i = j;
  }
  return parts.join(", ");
}
