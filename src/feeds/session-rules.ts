// Which published sessions belong in which feed. A feed shows only what its
// owner may see: one rule per kind of feed.
import type { DatedSession } from "../timetable";
import type { PublishedEntry } from "./feed-context";

// A teacher's feed carries only the sessions they take, never a colleague's:
// their own, and a colleague's they cover (代课) on some date.
export function staffSessions(
  entries: PublishedEntry[],
  staffId: number,
  changed: readonly DatedSession[] = [],
): PublishedEntry[] {
  const covering = new Set(
    changed.filter((s) => s.covered && s.cancelled === null && s.staffId === staffId).map((s) => s.entry.id),
  );
  return entries.filter((e) => e.staffId === staffId || covering.has(e.id));
}

// A club's instructor and members follow the club's meetings.
export function clubSessions(entries: PublishedEntry[], clubId: number): PublishedEntry[] {
  return entries.filter((e) => e.clubId === clubId);
}

// Whoever looks after a room sees everything held there.
export function venueSessions(entries: PublishedEntry[], venueId: number): PublishedEntry[] {
  return entries.filter((e) => e.venueId === venueId);
}

export interface Child {
  classId: number;
  grade: number;
}

// A child attends the sessions of their own class (homework help …) and the
// grade-wide ones of their grade (sport, activities) — once the family has
// answered the opt-in, only on its chosen weekdays (the service is voluntary).
// A club only once placed in it, never because the grade may join; a placement
// is the family's own choice for that slot, so it stands whatever the opt-in
// (as on the attendance roster). A grade-wide activity in a period where the child
// has a club is the supervised place for the children with no club: theirs only on
// the dates they are not in that club, so it stays here and the feed leaves out
// the dates the ledger has them at the club (feed-input.ts), as the roster does.
export function studentSessions(
  entries: PublishedEntry[],
  child: Child,
  placedClubIds: number[],
  weekdays: number[] | null,
): PublishedEntry[] {
  const placed = new Set(placedClubIds);
  const optedIn = (e: PublishedEntry) => weekdays === null || weekdays.includes(e.weekday);
  return entries.filter((e) => {
    if (e.clubId !== null) return placed.has(e.clubId);
    if (e.kind === "club") return false;
    if (e.classId !== null) return e.classId === child.classId && optedIn(e);
    return e.grades.includes(child.grade) && optedIn(e);
  });
}
