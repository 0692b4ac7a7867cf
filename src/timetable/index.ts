// The timetable capability's face to the rest of the app: the one reader of
// the published timetable. Other capabilities import from here, never from
// Timetable.published or the snapshot parser (eslint.config.mjs keeps it so).
export type { EntryRow } from "./core/entry-row";
export type { DatedSession, DateChanges } from "./core/questions";
export { atClubInsteadOf } from "./core/questions";
export { startDraftTimetable } from "./store/draft";
export { publishedOf, publishedTimetable, sessionsOn, sessionsOnDates, clubSessions, staffWeek, staffChangesBetween, changedSessionsOfTerm, type Published } from "./store/published";
// The draft week and its clash explanations, for the clubs pages (a club's size against its venues).
export { currentTerm, loadWeek, namesOf, type Names, type Week } from "./store/week";
export { clashContextOf, placementsOf } from "./placements";
export { explainClashes, type ClashExplanation } from "./clash-messages";
export { plainText } from "./text-field";
// Until src/clubs uses the shared form kit (src/http) itself.
export { FieldError, formErrors } from "./form-errors";
