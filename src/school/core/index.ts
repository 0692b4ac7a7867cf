// The school's pure rules (no I/O): a term and its calendar days, the daily
// periods, moving classes up a grade, and the checks a spreadsheet import makes.
// Each file holds one small set of rules with its tests in test/school.
export {
  atMostAYear,
  datesOfRange,
  isWeekend,
  withinTerm,
  endsAfterStart as termEndsAfterStart,
  type TermDates,
} from "./calendar-rules";
export { minutesOf, overlappingPeriod, endsAfterStart as periodEndsAfterStart, type PeriodTimes } from "./period-rules";
export {
  promotionPlan,
  classMapping,
  TOP_GRADE,
  type PlanClass,
  type PromotionPlan,
  type OldClass,
} from "./promotion-plan";
export { leaverName, promotedName, uniqueName } from "./class-names";
export {
  archivedStudents,
  capacitiesBelowMembers,
  classFor,
  clubCategory,
  emailsTaken,
  gradeMismatches,
  unknownCategories,
  unvettedExternals,
  type ClassRef,
  type ClubSeats,
  type RowProblem,
} from "./import-checks";
export { VENUE_KINDS, isVenueKind, type VenueKind } from "./venue-kinds";
