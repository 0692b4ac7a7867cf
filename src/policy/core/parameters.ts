// Rule parameters: file defaults, overridden by school settings, then resolved per fact (grade bands).
import type { BandedParameter, FactValue, ParameterScalar, ParameterValue, PolicySettings } from "./types";

export function isBanded(value: ParameterValue | undefined): value is BandedParameter {
  return typeof value === "object" && value !== null && !Array.isArray(value) && "by" in value;
}

const typeOf = (v: ParameterValue) => (isBanded(v) ? "banded" : Array.isArray(v) ? "list" : typeof v);

/** A settings value that cannot replace a rule parameter; the message names the settings field. */
export class PolicySettingsError extends Error {
  constructor(
    readonly field: string,
    message: string,
  ) {
    super(`${field}: ${message}`);
    this.name = "PolicySettingsError";
  }
}

// An override must keep the parameter's type: a number stays a number (or numbers by band), a time a time.
function checkOverride(field: string, base: ParameterValue, next: ParameterValue): void {
  const scalarOf = (v: ParameterValue) => (isBanded(v) ? typeof v.cases[0]?.value : typeOf(v));
  if (scalarOf(base) !== scalarOf(next)) {
    throw new PolicySettingsError(field, `expected ${scalarOf(base)}, received ${scalarOf(next)}`);
  }
}

/**
 * The parameters one rule runs with at one school: the file's defaults, then top-level settings
 * with the same name (e.g. settings.latestEnd), then settings.rules[ruleId].parameters.
 */
export function effectiveParameters(
  ruleId: string,
  defaults: Record<string, ParameterValue>,
  settings: PolicySettings = {},
): Record<string, ParameterValue> {
  const out: Record<string, ParameterValue> = { ...defaults };
  const topLevel = settings as Record<string, unknown>;
  for (const name of Object.keys(defaults)) {
    const value = topLevel[name];
    if (name === "rules" || value === undefined) continue;
    checkOverride(`settings.${name}`, defaults[name], value as ParameterValue);
    out[name] = value as ParameterValue;
  }
  for (const [name, value] of Object.entries(settings.rules?.[ruleId]?.parameters ?? {})) {
    if (name in defaults) checkOverride(`settings.rules.${ruleId}.parameters.${name}`, defaults[name], value);
    out[name] = value;
  }
  return out;
}

/** Picks each banded parameter's value for one fact (e.g. the limit for this class's grade). */
export function parametersForFact(
  parameters: Record<string, ParameterValue>,
  values: Record<string, unknown>,
): Record<string, ParameterScalar | ParameterScalar[]> {
  const out: Record<string, ParameterScalar | ParameterScalar[]> = {};
  for (const [name, value] of Object.entries(parameters)) {
    if (!isBanded(value)) {
      out[name] = value;
      continue;
    }
    const key = values[value.by] as FactValue;
    const hit = value.cases.find((c) => c.in.some((k) => k === key));
    const picked = hit ? hit.value : value.default;
    if (picked !== undefined) out[name] = picked;
  }
  return out;
}
