// The timetable's pure core, for other capabilities' cores and tests: the clash
// checks, the entry row, the questions asked of the published rows, a child's
// week and the grid's views. (The snapshot parser stays behind the reader, ../index.ts.)
export * from "./clashes";
export { rowOf, draftChanges, type EntryRow, type EntryRowSource } from "./entry-row";
export {
  atClubInsteadOf,
  clubSessions,
  sessionsOn,
  staffWeek,
  NO_CHANGES,
  type DatedSession,
  type DateChanges,
} from "./questions";
export * from "./child-week";
export { WEEKDAYS, parseView, viewParam, inView, gridOf, type GridView, type GridRow } from "./grid";
export { clubSlotsOf, clubSlotFits, PROPOSED_ID, type Slot, type SlotFit } from "./club-slots";
export { slotKind } from "./slot-kind";
export { draftDiff, type DraftChange, type FieldChange } from "./draft-diff";
