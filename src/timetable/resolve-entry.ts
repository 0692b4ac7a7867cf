// Turns a valid form into the entry to save, checking each reference against
// the loaded week: the period belongs to the term, the club, class, staff
// member and venue exist. A club session fills blanks from its club.
import type { TimetableEntry } from "../db";
import type { EntryFormData } from "./entry-form";
import { fieldError } from "../http";
import type { EntryShape } from "./placements";
import type { Week } from "./store/week";

export type ResolvedEntry = EntryShape & { title: string };

export function resolveEntry(input: EntryFormData, week: Week, before: TimetableEntry | null): ResolvedEntry {
  if (!week.periods.some((p) => p.id === input.periodId)) throw fieldError("periodId", "timetable.errors.period");
  const club = input.clubId === null ? null : week.clubs.find((c) => c.id === input.clubId);
  if (club === undefined) throw fieldError("clubId", "timetable.errors.club");
  // A cancelled club gets no new sessions; the ones it has may still be edited.
  if (club?.cancelled && before?.clubId !== club.id) throw fieldError("clubId", "timetable.errors.clubCancelled");
  const cls = input.classId === null ? null : week.classes.find((c) => c.id === input.classId);
  if (cls === undefined) throw fieldError("classId", "timetable.errors.class");

  const staffId = input.staffId ?? club?.staffId ?? null;
  const staff = staffId === null ? null : week.staff.find((s) => s.id === staffId);
  // Disabled accounts keep the sessions they have, but get no new ones.
  if (staff === undefined || (staff && !staff.active && before?.staffId !== staff.id))
    throw fieldError("staffId", "timetable.errors.staff");
  const venueId = input.venueId ?? club?.venueId ?? null;
  if (venueId !== null && !week.venues.some((v) => v.id === venueId))
    throw fieldError("venueId", "timetable.errors.venue");

  const grades = input.grades.length ? input.grades : club ? [...club.grades] : cls ? [cls.grade] : [];
  if (grades.length === 0) throw fieldError("grades", "timetable.errors.grades");
  if (cls && !grades.includes(cls.grade)) throw fieldError("classId", "timetable.errors.classGrade");
  const title = input.title || club?.name || "";
  if (!title) throw fieldError("title", "validation.required");

  return {
    weekday: input.weekday,
    periodId: input.periodId,
    kind: input.kind,
    title,
    grades,
    classId: cls?.id ?? null,
    clubId: club?.id ?? null,
    staffId,
    venueId,
  };
}
