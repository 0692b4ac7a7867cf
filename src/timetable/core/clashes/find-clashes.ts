import { clubLargerThanVenue } from "./club-larger-than-venue";
import { gradeDoubleBooked } from "./grade-double-booked";
import { gradeHasNoService } from "./grade-has-no-service";
import { staffDoubleBooked } from "./staff-double-booked";
import { staffOutsideHours, staffUnavailable } from "./staff-unavailable";
import { Clash, ClashContext, Placement } from "./types";
import { venueDoubleBooked } from "./venue-double-booked";

// Every clash in a week's timetable, in a stable order (day, period, kind).
export function findClashes(placements: Placement[], context: ClashContext): Clash[] {
  return [
    ...staffDoubleBooked(placements),
    ...venueDoubleBooked(placements),
    ...clubLargerThanVenue(placements, context),
    ...staffUnavailable(placements, context),
    ...staffOutsideHours(placements, context),
    ...gradeHasNoService(placements, context),
    ...gradeDoubleBooked(placements),
  ].sort(compareClashes);
}

// What saving `proposed` would break, so the save can be refused and explained
// first: the proposed entries replace their old versions (same entryId), nothing
// else moves, and only clashes that involve a proposed entry are returned.
export function clashesForChange(
  existing: Placement[],
  proposed: Placement | Placement[],
  context: ClashContext,
): Clash[] {
  const changes = Array.isArray(proposed) ? proposed : [proposed];
  const changed = new Set(changes.map((p) => p.entryId));
  const after = [...existing.filter((p) => !changed.has(p.entryId)), ...changes];
  return findClashes(after, context).filter((clash) => clash.entryIds.some((id) => changed.has(id)));
}

function compareClashes(a: Clash, b: Clash): number {
  return (
    a.weekday - b.weekday ||
    compareText(a.periodId, b.periodId) ||
    compareText(a.kind, b.kind) ||
    compareText(a.entryIds.join("\u0000"), b.entryIds.join("\u0000")) ||
    compareText(JSON.stringify(a.params), JSON.stringify(b.params))
  );
}

const compareText = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
