// The policy core (pure: no express, typeorm or files): the rule schema, facts built
// from a PolicyInput, evaluation, summaries, the homework rule, and the pure logic of
// the compliance page and the timetable grid's inline findings. Rules come in as data
// (the rule files are read by ../rule-files.ts).
export * from "./types";
export { applySettings, evaluateRules, runRules, referencedFacts, type EffectiveRule } from "./evaluate";
export { policyReport, type PolicyReport } from "./report";
export { checkHomeworkDraft, type HomeworkDraft } from "./homework-check";
export { parseRule, RuleFileError, ruleFileSchema, type RuleDefinition } from "./rule-schema";
export type { RuleIssue } from "./rule-checks";
export { effectiveParameters, parametersForFact, PolicySettingsError } from "./parameters";
export { summarizeRules, type RuleSummary } from "./summary";
export { renderMessage } from "./message";
export { settingsFromRows, usableSettings, type SettingProblem } from "./settings";
export { buildFacts, dayPlans, FACT_KINDS, FACT_KIND_NAMES, type FactsByKind } from "./facts";
export type {
  ChildDayValues,
  ClassDateValues,
  ClubValues,
  EntryValues,
  GradeDayValues,
  GradeWeekdayValues,
  HomeworkValues,
  SlotValues,
  StaffValues,
  VenueValues,
} from "./facts";
export {
  filterViolations,
  gradesOf,
  groupViolations,
  weekdayOf,
  type GroupBy,
  type ViolationFilter,
  type ViolationGroup,
} from "./grouping";
export { gridIssues, slotKey, type CellIssue, type GridIssues, type GridShown } from "./grid-issues";
export { classBoardHref, fixLinks, timetableHref, type FixLink } from "./fix-links";
export { parseThresholds, ruleOverride, thresholdFields, type ThresholdField } from "./thresholds";
