// The policy core's public surface: load rules, build facts, evaluate, summarize. Pure: no express, no typeorm.
import { evaluatePolicy, type EvaluateOptions } from "./evaluate";
import { loadRules } from "./load-rules";
import { summarizeRules, type RuleSummary } from "./summary";
import type { PolicyInput, Violation } from "./types";

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

export * from "./types";
export { applySettings, evaluatePolicy, runRules, type EvaluateOptions, type EffectiveRule } from "./evaluate";
export { checkHomeworkDay, type HomeworkDraft } from "./homework-check";
export { defaultRulesDir, loadRuleFile, loadRules, projectRoot } from "./load-rules";
export { parseRule, RuleFileError, ruleFileSchema, type RuleDefinition } from "./rule-schema";
export type { RuleIssue } from "./rule-checks";
export { effectiveParameters, parametersForFact, PolicySettingsError } from "./parameters";
export { summarizeRules, type RuleSummary } from "./summary";
export { renderMessage } from "./message";
// The school calendar is the kernel's; policy passes it on to its callers.
export { schoolDays, isoWeekday, type ServiceDay as SchoolDay } from "../kernel/core";
export { buildFacts, FACT_KINDS, FACT_KIND_NAMES, type FactsByKind } from "./facts";
export { dayPlans } from "./facts";
export type {
  ChildDayValues, ClassDateValues, ClubValues, EntryValues, GradeDayValues, GradeWeekdayValues, HomeworkValues, SlotValues,
  StaffValues, VenueValues,
} from "./facts";
// What the timetable and homework ask of policy's database side (issue 19: other capabilities
// come through this index; the policy reshape moves these lines where they belong).
export { runPolicy } from "./web/policy-service";
export { policyBlockers, type PolicyBlockers } from "./web/blockers";
export { gridIssues } from "./web/grid-issues";
export { loadPolicyInput } from "./web/policy-input";
export { loadPolicySettings } from "./web/policy-settings";
export { policyRules } from "./web/rules-registry";
