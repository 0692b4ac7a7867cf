// Timetable clash checks: one pure function per rule, plus the whole-week run
// and the "what would this save break" question the editor asks before saving.
export { CLASH_KINDS } from "./types";
export type { Clash, ClashContext, ClashKind, Placement, SessionKind } from "./types";
export { staffDoubleBooked } from "./staff-double-booked";
export { venueDoubleBooked } from "./venue-double-booked";
export { clubLargerThanVenue } from "./club-larger-than-venue";
export { staffOutsideHours, staffUnavailable } from "./staff-unavailable";
export { gradeHasNoService } from "./grade-has-no-service";
export { gradeDoubleBooked } from "./grade-double-booked";
export { findClashes, clashesForChange } from "./find-clashes";
