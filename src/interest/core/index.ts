// The rules of the interest survey, pure (no I/O): its state, one child's ticks,
// the demand order, overlapping surveys, and the admin's counts and progress.
export { surveyState, type SurveyState } from "./survey-state";
export { checkTicks, clubsForGrade, demandOrder, type TickLimits, type TickObjection, type Ticks } from "./ticks";
export { openOverlap, type SurveyWindow } from "./overlap";
export {
  clubCounts,
  progressOf,
  type AnswerFacts,
  type ClubCount,
  type ProgressChild,
  type ProgressRow,
  type SurveyProgress,
} from "./counts";
