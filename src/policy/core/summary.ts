// The admin's "rules and status" page: each rule, its parameters as applied, and how often it fires.
import { applySettings } from "./evaluate";
import type { RuleDefinition } from "./rule-schema";
import type { FactKind, Localized, ParameterValue, PolicySettings, Severity, Violation } from "./types";

export interface RuleSummary {
  id: string;
  title: Localized;
  severity: Severity;
  appliesTo: FactKind;
  enabled: boolean;
  parameters: Record<string, ParameterValue>;
  violationCount: number;
  status: "ok" | "failing" | "disabled";
  file?: string;
}

export function summarizeRules(
  rules: RuleDefinition[],
  violations: Violation[],
  settings: PolicySettings = {},
): RuleSummary[] {
  return applySettings(rules, settings).map((rule) => {
    const violationCount = violations.filter((v) => v.ruleId === rule.id).length;
    return {
      id: rule.id,
      title: rule.title,
      severity: rule.severity,
      appliesTo: rule.appliesTo,
      enabled: rule.enabled,
      parameters: rule.parameters,
      violationCount,
      status: !rule.enabled ? "disabled" : violationCount ? "failing" : "ok",
      file: rule.file,
    };
  });
}
