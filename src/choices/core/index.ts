// The rules of club choices, pure (no I/O): what a round offers a child, the
// rules of one child's ranked list, rounds over a term, weekdays and their codes.
export { meetingDays, offeredTo, type ClubMeeting, type OfferedClub } from "./offered-club";
export {
  checkSubmission,
  fitsDays,
  minimumFor,
  rankableClubs,
  type Context,
  type Objections,
  type RankEntry,
  type RoundLimits,
  type Submission,
} from "./preference-rules";
export { roundState, type RoundState } from "./round-state";
export { overlappingRound, type RoundWindow } from "./round-overlap";
export { coversClub, fixedEffectiveDate, laterRounds, roundKindOf, type RoundKind } from "./term-rounds";
export {
  cleanWeekdays,
  isServiceWeekday,
  SERVICE_WEEKDAYS,
  WEEKDAY_CODES,
  weekdayCode,
  type WeekdayCode,
} from "./weekdays";
export { meetingText } from "./meeting-text";
export { nextChildToAnswer, type ChildToAnswer } from "./next-child";
