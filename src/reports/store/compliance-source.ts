// Policy violations for the compliance report: the policy capability builds the
// PolicyInput from the database (src/policy/store/policy-input.ts) over the
// PUBLISHED timetable and the homework log, and the policy core checks it.
// The one place the reports depend on the policy web layer.
import type { DataSource } from "typeorm";
import { checkPolicy, type Violation, loadPolicyInput, policyRules } from "../../policy";

/** Each policy rule's title in the page's language, by rule id. */
export const ruleTitles = (locale: "zh-CN" | "en"): Map<string, string> =>
  new Map(policyRules().map((r) => [r.id, r.title[locale]]));

export interface ComplianceSource {
  available: boolean;
  violations: Violation[];
  grades: number[];
}

/** The checks the report shows, each a line made of policy rule ids. */
export const COMPLIANCE_CHECKS = [
  { key: "sport", ruleIds: ["daily-sport-hour"] },
  { key: "homework", ruleIds: ["homework-limit", "homework-on-campus"] },
];

export async function complianceViolations(ds: DataSource, termId: number): Promise<ComplianceSource> {
  const rules = policyRules();
  const data = await loadPolicyInput(ds, termId, { timetable: "published" });
  const { violations } = await checkPolicy(data.input, { rules });
  const wanted = new Set(COMPLIANCE_CHECKS.flatMap((c) => c.ruleIds));
  return { available: true, violations: violations.filter((v) => wanted.has(v.ruleId)), grades: data.input.grades };
}
