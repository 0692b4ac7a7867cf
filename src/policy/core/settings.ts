// School settings for the policy rules, from the Setting table's rows ("policy.<name>",
// read by store/settings.ts). A bad value is dropped and reported on the rules page
// rather than breaking every page.
import { z } from "zod";
import { applySettings } from "./evaluate";
import { PolicySettingsError } from "./parameters";
import type { RuleDefinition } from "./rule-schema";
import type { PolicySettings } from "./types";

export interface SettingProblem {
  key: string;
  message: string;
}

const clock = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, "expected HH:MM");
const count = z.coerce.number().int().min(0).max(100_000);
const override = z.strictObject({
  enabled: z.boolean().optional(),
  severity: z.enum(["error", "warning"]).optional(),
  parameters: z.record(z.string(), z.unknown()).optional(),
});

// The top-level names the core lets a school override everywhere (see src/policy/README.md).
const TOP_LEVEL: Record<string, z.ZodType> = {
  earliestEnd: clock,
  latestEnd: clock,
  minServiceMinutes: count,
  serviceDaysPerWeek: count,
  maxStaffSessionsPerWeek: count,
};

function parseRulesValue(raw: string): { value?: PolicySettings["rules"]; message?: string } {
  let json: unknown;
  try {
    json = JSON.parse(raw);
  } catch {
    return { message: "not valid JSON" };
  }
  const parsed = z.record(z.string(), override).safeParse(json);
  if (!parsed.success)
    return { message: parsed.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`).join("; ") };
  return { value: parsed.data as PolicySettings["rules"] };
}

/** Settings from rows such as policy.earliestEnd = "17:30" and policy.rules = '{"homework-limit":{"severity":"warning"}}'. */
export function settingsFromRows(rows: { key: string; value: string }[]): {
  settings: PolicySettings;
  problems: SettingProblem[];
} {
  const settings: Record<string, unknown> = {};
  const problems: SettingProblem[] = [];
  for (const { key, value } of rows) {
    const name = key.slice("policy.".length);
    if (name === "rules") {
      const rules = parseRulesValue(value);
      if (rules.value) settings.rules = rules.value;
      else problems.push({ key, message: rules.message! });
      continue;
    }
    const schema = TOP_LEVEL[name];
    if (!schema) continue;
    const parsed = schema.safeParse(value.trim());
    if (parsed.success) settings[name] = parsed.data;
    else problems.push({ key, message: parsed.error.issues[0]?.message ?? "invalid" });
  }
  return { settings, problems };
}

// A rule override of the wrong type (a text where a number belongs) would throw on every check: drop it.
export function usableSettings(
  rules: RuleDefinition[],
  settings: PolicySettings,
  problems: SettingProblem[],
): PolicySettings {
  const out: PolicySettings = structuredClone(settings);
  for (let attempt = 0; attempt < 50; attempt++) {
    try {
      applySettings(rules, out);
      return out;
    } catch (err) {
      if (!(err instanceof PolicySettingsError)) throw err;
      problems.push({ key: `policy.${err.field.replace(/^settings\./, "")}`, message: err.message });
      const path = err.field.replace(/^settings\./, "").split(".");
      let node: Record<string, unknown> = out as Record<string, unknown>;
      for (const part of path.slice(0, -1)) node = (node[part] ?? {}) as Record<string, unknown>;
      delete node[path[path.length - 1]];
    }
  }
  return {};
}
