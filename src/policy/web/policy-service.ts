// Runs the policy core over the database: one call builds the input and evaluates it.
import type { DataSource } from "typeorm";
import { checkPolicy, type RuleDefinition, type RuleSummary, type Violation } from "../index";
import { currentTerm, loadPolicyInput, type PolicyData, type PolicyInputOptions } from "./policy-input";
import { policyRules } from "./rules-registry";

export interface PolicyRun extends PolicyData {
  rules: RuleDefinition[];
  violations: Violation[];
  summary: RuleSummary[];
}

export async function runPolicy(ds: DataSource, termId: number, options: PolicyInputOptions = {}): Promise<PolicyRun> {
  const rules = policyRules();
  const data = await loadPolicyInput(ds, termId, options);
  const { violations, summary } = await checkPolicy(data.input, { rules });
  return { ...data, rules, violations, summary };
}

/** The current term's run, or null when no term is current yet. */
export async function runCurrentPolicy(ds: DataSource): Promise<(PolicyRun & { termId: number; termName: string }) | null> {
  const term = await currentTerm(ds);
  if (!term) return null;
  return { ...(await runPolicy(ds, term.id)), termId: term.id, termName: term.name };
}
