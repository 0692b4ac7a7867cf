// The rule thresholds a school may change on a form (the numbers and clock times
// in a rule file's `parameters`, e.g. sport minutes or homework minutes per grade).
// The rule logic stays in rules/*.json; the form only writes
// settings.rules[<rule id>].parameters, which effectiveParameters applies.
import { isBanded } from "./parameters";
import type { RuleDefinition } from "./rule-schema";
import type { ParameterScalar, ParameterValue, PolicySettings } from "./types";
import { effectiveParameters } from "./parameters";

export type ThresholdKind = "number" | "clock";

/** One input on the form: a parameter, or one band of a banded parameter (field "name.0"). */
export interface ThresholdField {
  field: string;
  parameter: string;
  kind: ThresholdKind;
  /** The band's keys (e.g. grades [1, 2]) for a banded parameter. */
  band?: ParameterScalar[];
  bandBy?: string;
  fileDefault: ParameterScalar;
  current: ParameterScalar;
  min?: number;
  max?: number;
}

export type ThresholdErrors = Record<string, { key: string; params?: Record<string, unknown> }>;

const CLOCK = /^([01]\d|2[0-3]):[0-5]\d$/;

// Bounds a school could mean: minutes within a day, days within a week.
function boundsOf(parameter: string): { min: number; max: number } {
  if (/days/i.test(parameter)) return { min: 1, max: 7 };
  if (/minutes/i.test(parameter)) return { min: 0, max: 1440 };
  return { min: 0, max: 1000 };
}

const kindOf = (value: ParameterScalar | undefined): ThresholdKind | null =>
  typeof value === "number" ? "number" : typeof value === "string" && CLOCK.test(value) ? "clock" : null;

/** The editable thresholds of a rule with their file defaults and the values in force now. */
export function thresholdFields(rule: RuleDefinition, settings: PolicySettings): ThresholdField[] {
  const current = effectiveParameters(rule.id, rule.parameters, settings);
  const fields: ThresholdField[] = [];
  for (const [parameter, fileValue] of Object.entries(rule.parameters)) {
    const now = current[parameter];
    if (isBanded(fileValue)) {
      const nowCases = isBanded(now) ? now.cases : fileValue.cases;
      fileValue.cases.forEach((c, i) => {
        const kind = kindOf(c.value);
        if (!kind) return;
        fields.push({
          field: `${parameter}.${i}`,
          parameter,
          kind,
          band: c.in,
          bandBy: fileValue.by,
          fileDefault: c.value,
          current: nowCases[i]?.value ?? c.value,
          ...(kind === "number" ? boundsOf(parameter) : {}),
        });
      });
      continue;
    }
    if (Array.isArray(fileValue)) continue; // lists (e.g. forbidden kinds) are rule logic, not thresholds
    const kind = kindOf(fileValue);
    if (!kind) continue;
    fields.push({
      field: parameter,
      parameter,
      kind,
      fileDefault: fileValue,
      current: now as ParameterScalar,
      ...(kind === "number" ? boundsOf(parameter) : {}),
    });
  }
  return fields;
}

function parseOne(
  field: ThresholdField,
  raw: unknown,
): ParameterScalar | { key: string; params?: Record<string, unknown> } {
  const text = typeof raw === "string" ? raw.trim() : "";
  if (!text) return { key: "validation.required" };
  if (field.kind === "clock") return CLOCK.test(text) ? text : { key: "policy.thresholds.badClock" };
  if (!/^\d{1,5}$/.test(text))
    return { key: "policy.thresholds.badNumber", params: { min: field.min, max: field.max } };
  const n = Number(text);
  if (n < field.min! || n > field.max!)
    return { key: "policy.thresholds.outOfRange", params: { min: field.min, max: field.max } };
  return n;
}

/**
 * Reads the form into the rule's parameters (banded ones rebuilt with the file's bands).
 * Errors name the field; a clock pair (earliestEnd, latestEnd) must be in order.
 */
export function parseThresholds(
  rule: RuleDefinition,
  settings: PolicySettings,
  body: Record<string, unknown>,
): { parameters: Record<string, ParameterValue> } | { errors: ThresholdErrors } {
  const errors: ThresholdErrors = {};
  const values = new Map<string, ParameterScalar>();
  for (const field of thresholdFields(rule, settings)) {
    const parsed = parseOne(field, body[field.field]);
    if (typeof parsed === "object") errors[field.field] = parsed;
    else values.set(field.field, parsed);
  }
  const early = values.get("earliestEnd");
  const late = values.get("latestEnd");
  if (typeof early === "string" && typeof late === "string" && early > late)
    errors.latestEnd = { key: "policy.thresholds.endsOutOfOrder", params: { earliestEnd: early } };
  if (Object.keys(errors).length) return { errors };
  const parameters: Record<string, ParameterValue> = {};
  for (const [name, fileValue] of Object.entries(rule.parameters)) {
    if (isBanded(fileValue)) {
      parameters[name] = {
        ...fileValue,
        cases: fileValue.cases.map((c, i) => ({ ...c, value: values.get(`${name}.${i}`) ?? c.value })),
      };
    } else if (values.has(name)) parameters[name] = values.get(name)!;
  }
  return { parameters };
}

/**
 * What to keep in settings.rules[id].parameters: only the values that differ from
 * what the rule would run with without its own override (file defaults and the
 * school-wide settings), so "back to the default" leaves no stale row behind.
 */
export function ruleOverride(
  rule: RuleDefinition,
  settings: PolicySettings,
  parameters: Record<string, ParameterValue>,
): Record<string, ParameterValue> {
  const base = effectiveParameters(rule.id, rule.parameters, { ...settings, rules: undefined });
  const out: Record<string, ParameterValue> = {};
  for (const [name, value] of Object.entries(parameters))
    if (JSON.stringify(value) !== JSON.stringify(base[name])) out[name] = value;
  return out;
}
