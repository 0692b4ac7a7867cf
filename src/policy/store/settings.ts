// The school's policy settings: the Setting table's "policy.<name>" rows, parsed
// and made usable by core/settings.ts.
import { type DataSource, Like } from "typeorm";
import { Setting } from "../../db";
import { settingsFromRows, usableSettings, type SettingProblem } from "../core/settings";
import type { PolicySettings, RuleDefinition } from "../core";

export async function loadPolicySettings(
  ds: DataSource,
  rules: RuleDefinition[],
): Promise<{ settings: PolicySettings; problems: SettingProblem[] }> {
  const rows = await ds.getRepository(Setting).findBy({ key: Like("policy.%") });
  const { settings, problems } = settingsFromRows(rows);
  return { settings: usableSettings(rules, settings, problems), problems };
}
