// The policy core's public surface: load rules, build facts, evaluate, summarize. Pure: no express, no typeorm.
import { evaluatePolicy, type EvaluateOptions } from "./core/evaluate";
import { loadRules } from "./rule-files";
import { summarizeRules, type RuleSummary } from "./core/summary";
import type { PolicyInput, Violation } from "./core/types";

export interface PolicyReport {
  violations: Violation[];
  summary: RuleSummary[];
}

/** Evaluates and summarizes in one call (loads rules once). */
export async function checkPolicy(input: PolicyInput, options: EvaluateOptions = {}): Promise<PolicyReport> {
  const rules = options.rules ?? loadRules(options.rulesDir);
  const violations = await evaluatePolicy(input, { rules });
  return { violations, summary: summarizeRules(rules, violations, input.settings) };
}

export * from "./core/types";
export { applySettings, evaluatePolicy, runRules, type EvaluateOptions, type EffectiveRule } from "./core/evaluate";
export { checkHomeworkDay, type HomeworkDraft } from "./core/homework-check";
export { defaultRulesDir, loadRuleFile, loadRules, projectRoot } from "./rule-files";
export { parseRule, RuleFileError, ruleFileSchema, type RuleDefinition } from "./core/rule-schema";
export type { RuleIssue } from "./core/rule-checks";
export { effectiveParameters, parametersForFact, PolicySettingsError } from "./core/parameters";
export { summarizeRules, type RuleSummary } from "./core/summary";
export { renderMessage } from "./core/message";
// The school calendar is the kernel's; policy passes it on to its callers.
export { schoolDays, isoWeekday, type ServiceDay as SchoolDay } from "../kernel/core";
export { buildFacts, FACT_KINDS, FACT_KIND_NAMES, type FactsByKind } from "./core/facts";
export { dayPlans } from "./core/facts";
export type {
  ChildDayValues, ClassDateValues, ClubValues, EntryValues, GradeDayValues, GradeWeekdayValues, HomeworkValues, SlotValues,
  StaffValues, VenueValues,
} from "./core/facts";
