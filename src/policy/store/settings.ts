// The school's policy settings: the Setting table's "policy.<name>" rows, parsed
// and made usable by core/settings.ts.
import { type DataSource, type EntityManager, Like } from "typeorm";
import { Setting } from "../../db";
import { settingsFromRows, usableSettings, type SettingProblem } from "../core/settings";
import type { PolicySettings, RuleDefinition, RuleOverride } from "../core";

export async function loadPolicySettings(
  ds: DataSource,
  rules: RuleDefinition[],
): Promise<{ settings: PolicySettings; problems: SettingProblem[] }> {
  const rows = await ds.getRepository(Setting).findBy({ key: Like("policy.%") });
  const { settings, problems } = settingsFromRows(rows);
  return { settings: usableSettings(rules, settings, problems), problems };
}

const RULES_KEY = "policy.rules";

/** The per-rule overrides row (policy.rules) as an object; an unreadable row counts as empty (the rules page reports it). */
export async function ruleOverridesRow(em: EntityManager): Promise<Record<string, RuleOverride>> {
  const row = await em.getRepository(Setting).findOneBy({ key: RULES_KEY });
  if (!row) return {};
  try {
    const value: unknown = JSON.parse(row.value);
    return typeof value === "object" && value !== null && !Array.isArray(value)
      ? (value as Record<string, RuleOverride>)
      : {};
  } catch {
    return {};
  }
}

/** Writes the per-rule overrides row; an empty object removes it. */
export async function saveRuleOverridesRow(em: EntityManager, value: Record<string, RuleOverride>): Promise<void> {
  if (!Object.keys(value).length) await em.getRepository(Setting).delete({ key: RULES_KEY });
  else await em.getRepository(Setting).save({ key: RULES_KEY, value: JSON.stringify(value) });
}
