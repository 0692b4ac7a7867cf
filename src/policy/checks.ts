// The policy checks with the project's rule files as the default rules: the core
// takes rules as data, these read rules/*.json (or `rulesDir`) when none are given.
import {
  checkHomeworkDraft,
  evaluateRules,
  policyReport,
  type HomeworkDraft,
  type PolicyInput,
  type PolicyReport,
  type RuleDefinition,
  type Violation,
} from "./core";
import { loadRules } from "./rule-files";

export interface EvaluateOptions {
  /** Rules to run; default: loaded from `rulesDir`. */
  rules?: RuleDefinition[];
  /** Default: the project's rules/ folder. */
  rulesDir?: string;
}

const rulesOf = (options: EvaluateOptions): RuleDefinition[] => options.rules ?? loadRules(options.rulesDir);

/** Checks a whole timetable, calendar and homework log against the rules; settings applied. */
export function evaluatePolicy(input: PolicyInput, options: EvaluateOptions = {}): Promise<Violation[]> {
  return evaluateRules(input, rulesOf(options));
}

/** Evaluates and summarizes in one call (loads rules once). */
export function checkPolicy(input: PolicyInput, options: EvaluateOptions = {}): Promise<PolicyReport> {
  return policyReport(input, rulesOf(options));
}

/**
 * The homework form's early warning: the violations on the draft's class-date, grade-day and
 * the draft itself, with the draft saved. Empty means the form may save quietly.
 */
export function checkHomeworkDay(
  input: PolicyInput,
  draft: HomeworkDraft,
  options: EvaluateOptions = {},
): Promise<Violation[]> {
  return checkHomeworkDraft(input, draft, rulesOf(options));
}
