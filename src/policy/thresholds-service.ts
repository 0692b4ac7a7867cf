// Saving a rule's thresholds: the per-rule overrides row changes in one
// transaction with its audit line (old and new values), so the compliance
// page's next run (it watches the setting table) checks with them.
import type { DataSource } from "typeorm";
import { inTransaction } from "../db";
import { Actor, recordAudit } from "../audit";
import type { ParameterValue, RuleDefinition } from "./core";
import { ruleOverridesRow, saveRuleOverridesRow } from "./store/settings";

/** Sets (or, with null, removes) the rule's own parameter overrides; keeps its other override fields. */
export async function saveRuleThresholds(
  ds: DataSource,
  rule: RuleDefinition,
  parameters: Record<string, ParameterValue> | null,
  actor: Actor,
): Promise<void> {
  await inTransaction(ds, async (em) => {
    const overrides = await ruleOverridesRow(em);
    const before = overrides[rule.id]?.parameters ?? {};
    const { parameters: _old, ...rest } = overrides[rule.id] ?? {};
    const next = parameters && Object.keys(parameters).length ? { ...rest, parameters } : rest;
    if (Object.keys(next).length) overrides[rule.id] = next;
    else delete overrides[rule.id];
    await saveRuleOverridesRow(em, overrides);
    await recordAudit(em, actor, {
      action: parameters ? "policy.thresholds.update" : "policy.thresholds.reset",
      entity: "policy_rule",
      entityId: rule.id,
      details: { before, after: parameters ?? {} },
    });
  });
}
