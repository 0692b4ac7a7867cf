// The timetable capability's face to the rest of the app: the one reader of
// the published timetable. Other capabilities import from here, never from
// Timetable.published or the snapshot parser (eslint.config.mjs keeps it so).
export type { EntryRow } from "./core/entry-row";
export type { DatedSession, DateChanges } from "./core/questions";
export { atClubInsteadOf } from "./core/questions";
export { startDraftTimetable } from "./store/draft";
export {
  publishedOf,
  publishedTimetable,
  sessionsOn,
  sessionsOnDates,
  clubSessions,
  staffWeek,
  staffChangesBetween,
  changedSessionsOfTerm,
  type Published,
} from "./store/published";
// A club against the draft week (its size against its venues), for the clubs pages.
export { venueClashesOfClub } from "./club-fit";
// One child's own week (the family timetable): leave requests offer that day's sessions from it.
export { familyWeek, type FamilyWeek } from "./family-week";
export { explainClashes, type ClashExplanation } from "./clash-messages";
// The draft's distance from the published week (the admin home's to-do list).
export { draftStatus } from "./draft-status";
export type { DraftStatus } from "./grid-model";
// The proposer's view of the draft and accepting a proposal into it (issue 23).
export {
  acceptClubLayout,
  DraftChanged,
  fingerprintOf,
  planningWeek,
  proposalGrids,
  type ClubSession,
  type PlanningWeek,
} from "./club-layout";
export { ClashRefused } from "./entry-service";
export type { GridModel } from "./grid-model";
