// Maps the week's rows onto the plain shapes of the clash core
// (src/timetable/core/clashes): string ids, and a context of venues, staff, clubs
// and per-grade service days.
import type { ClashContext, Placement, SessionKind } from "./core/clashes";
import type { Period, SessionKind as EntityKind, TimetableEntry } from "../db";
import type { Week } from "./store/week";

/** The fields of an entry the clash checks look at (a saved row or a proposal). */
export type EntryShape = Pick<
  TimetableEntry,
  "weekday" | "periodId" | "kind" | "grades" | "classId" | "clubId" | "staffId" | "venueId"
>;

export const NEW_ENTRY_ID = "new";

// The core spells the session kinds without the ORM; these fail to compile if they ever differ from the entity's.
const sameKinds: [Exclude<EntityKind, SessionKind>, Exclude<SessionKind, EntityKind>] extends [never, never]
  ? true
  : false = true;
void sameKinds;

export function placementOf(entryId: string, e: EntryShape, week: Pick<Week, "classes" | "classSizes">): Placement {
  const p: Placement = {
    entryId,
    weekday: e.weekday,
    periodId: String(e.periodId),
    kind: e.kind,
    grades: [...e.grades],
  };
  if (e.staffId !== null) p.staffId = String(e.staffId);
  if (e.venueId !== null) p.venueId = String(e.venueId);
  if (e.clubId !== null) p.clubId = String(e.clubId);
  if (e.classId !== null) p.classIds = [String(e.classId)];
  const size = expectedSize(e, week);
  if (size > 0) p.expectedSize = size;
  return p;
}

// A club is judged by its maxSize (in the context); any other session by
// everyone it is for: the whole class, or every class of its grades, since
// the room must seat all who may come.
function expectedSize(e: EntryShape, week: Pick<Week, "classes" | "classSizes">): number {
  if (e.classId !== null) return week.classSizes.get(e.classId) ?? 0;
  return week.classes
    .filter((c) => e.grades.includes(c.grade))
    .reduce((sum, c) => sum + (week.classSizes.get(c.id) ?? 0), 0);
}

export function placementsOf(week: Week): Placement[] {
  return week.entries.map((e) => placementOf(String(e.id), e, week));
}

export function clashContextOf(week: Week): ClashContext {
  return {
    venues: week.venues.map((v) => ({ id: String(v.id), capacity: v.capacity })),
    staff: week.staff.map((s) => ({
      id: String(s.id),
      availableWeekdays: [...(s.availableDays ?? [])],
      hours: s.availableHours ?? null,
    })),
    periods: week.periods.map((p) => ({ id: String(p.id), start: p.startTime, end: p.endTime })),
    clubs: week.clubs.map((c) => ({ id: String(c.id), maxSize: c.maxSize })),
    serviceDays: serviceDaysOf(week.periods),
  };
}

// The school stores no per-grade service days yet, so they come from the
// periods: a grade has the service Monday–Friday when some period covers it.
// When per-grade days are stored, read them here and nowhere else.
export function serviceDaysOf(periods: Pick<Period, "grades">[]): ClashContext["serviceDays"] {
  const grades = new Set(periods.flatMap((p) => p.grades ?? []));
  return [...grades].sort((a, b) => a - b).map((grade) => ({ grade, weekdays: [1, 2, 3, 4, 5] }));
}
