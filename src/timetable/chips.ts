// What one chip on the grid shows: kind (its colour), title, staff, venue,
// and marks for a clash or a cancelled club. Used by the draft and the published grid.
import type { SessionKind } from "../db";
import type { Names } from "./store/week";

export interface Chip {
  id: number;
  kind: SessionKind;
  title: string;
  staff: string;
  venue: string;
  className: string;
  grades: number[];
  clash: boolean;
  cancelled: boolean;
}

interface ChipSource {
  id: number;
  kind: SessionKind;
  title: string;
  grades: number[];
  classId: number | null;
  clubId: number | null;
  staffId: number | null;
  venueId: number | null;
}

export function chipOf(e: ChipSource, names: Names, clashIds: Set<string>, cancelledClubs: Set<number>): Chip {
  return {
    id: e.id,
    kind: e.kind,
    title: e.title,
    grades: e.grades,
    staff: e.staffId === null ? "" : (names.staff.get(e.staffId) ?? ""),
    venue: e.venueId === null ? "" : (names.venues.get(e.venueId) ?? ""),
    className: e.classId === null ? "" : (names.classes.get(e.classId) ?? ""),
    clash: clashIds.has(String(e.id)),
    cancelled: e.clubId !== null && cancelledClubs.has(e.clubId),
  };
}
