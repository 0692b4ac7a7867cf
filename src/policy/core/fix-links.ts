// Where an admin goes to fix a violation: the offending slot, entry, class-day or person.
// Links follow the timetable grid's own URLs (src/timetable): /admin/timetable?view=grade-3|venue-7|staff-12,
// cells anchored #slot-<weekday>-<periodId>, and /admin/timetable/entries/<id>/edit.
import { weekStartOf } from "../../kernel/core";
import type { Violation } from "./types";

export interface FixLink {
  href: string;
  key: string;
}

const q = (params: Record<string, string | number | undefined>): string => {
  const parts = Object.entries(params)
    .filter(([, v]) => v !== undefined && v !== "")
    .map(([k, v]) => `${k}=${encodeURIComponent(String(v))}`);
  return parts.length ? `?${parts.join("&")}` : "";
};

/** The draft grid, optionally narrowed to one grade, venue or person and scrolled to a cell. */
export function timetableHref(view?: string, weekday?: number, periodId?: string): string {
  const anchor = weekday !== undefined && periodId !== undefined ? `#slot-${weekday}-${periodId}` : "";
  return `/admin/timetable${q({ view })}${anchor}`;
}

export function classBoardHref(classId: string | number, date?: string): string {
  return `/homework/class/${classId}${q({ week: date ? weekStartOf(date) : undefined })}${date ? `#d-${date}` : ""}`;
}

/** One or two links per violation, most useful first. */
export function fixLinks(v: Violation, staffNumbers: Map<string, string> = new Map()): FixLink[] {
  const t = v.target;
  const grade =
    typeof t.grade === "number"
      ? t.grade
      : Array.isArray(v.values.grades)
        ? (v.values.grades as number[])[0]
        : undefined;
  const gradeView = grade !== undefined ? `grade-${grade}` : undefined;
  switch (t.kind) {
    case "slot":
      return [{ href: timetableHref(undefined, t.weekday, t.periodId), key: "policy.fix.slot" }];
    case "entry": {
      const links: FixLink[] = [];
      if (t.entryId) links.push({ href: `/admin/timetable/entries/${t.entryId}/edit`, key: "policy.fix.entry" });
      links.push({ href: timetableHref(gradeView, t.weekday, t.periodId), key: "policy.fix.slot" });
      return links;
    }
    case "grade-day": {
      const links = [{ href: timetableHref(gradeView), key: "policy.fix.gradeDay" }];
      if (t.classId && t.date) links.push({ href: classBoardHref(t.classId, t.date), key: "policy.fix.classDate" });
      return links;
    }
    case "class-date":
      return t.classId ? [{ href: classBoardHref(t.classId, t.date), key: "policy.fix.classDate" }] : [];
    case "homework":
      return t.homeworkId ? [{ href: `/homework/${t.homeworkId}/edit`, key: "policy.fix.homework" }] : [];
    case "staff": {
      const number = t.staffId ? staffNumbers.get(t.staffId) : undefined;
      return [
        { href: `/admin/staff${q({ q: number })}`, key: "policy.fix.staff" },
        ...(t.staffId ? [{ href: timetableHref(`staff-${t.staffId}`), key: "policy.fix.staffTimetable" }] : []),
      ];
    }
    case "venue":
      return t.venueId ? [{ href: timetableHref(`venue-${t.venueId}`), key: "policy.fix.venue" }] : [];
    case "club":
      return t.clubId ? [{ href: `/admin/clubs/${t.clubId}/edit`, key: "policy.fix.club" }] : [];
    default:
      return [];
  }
}
