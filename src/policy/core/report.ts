// One policy check as the pages show it: the violations and each rule's summary.
import { evaluateRules } from "./evaluate";
import type { RuleDefinition } from "./rule-schema";
import { summarizeRules, type RuleSummary } from "./summary";
import type { PolicyInput, Violation } from "./types";

export interface PolicyReport {
  violations: Violation[];
  summary: RuleSummary[];
}

/** Evaluates and summarizes the given rules in one call. */
export async function policyReport(input: PolicyInput, rules: RuleDefinition[]): Promise<PolicyReport> {
  const violations = await evaluateRules(input, rules);
  return { violations, summary: summarizeRules(rules, violations, input.settings) };
}
