// Runs each rule's json-rules-engine conditions over the facts of its kind and turns hits into violations.
import { Engine } from "json-rules-engine";
import { groupChildFindings } from "./child-findings";
import { buildFacts, type FactsByKind } from "./facts";
import { renderMessage } from "./message";
import { timeOperators } from "./operators";
import { effectiveParameters, parametersForFact } from "./parameters";
import type { RuleDefinition } from "./rule-schema";
import type { FactValue, PolicyFact, PolicyInput, PolicySettings, Violation } from "./types";

/** A rule as one school runs it: settings applied (enabled, severity, parameters). */
export type EffectiveRule = RuleDefinition;

export function applySettings(rules: RuleDefinition[], settings: PolicySettings = {}): EffectiveRule[] {
  return rules.map((rule) => {
    const override = settings.rules?.[rule.id];
    return {
      ...rule,
      enabled: override?.enabled ?? rule.enabled,
      severity: override?.severity ?? rule.severity,
      parameters: effectiveParameters(rule.id, rule.parameters, settings),
    };
  });
}

function engineFor(rule: EffectiveRule): Engine {
  const engine = new Engine([], { allowUndefinedFacts: true });
  for (const op of timeOperators()) engine.addOperator(op);
  engine.addRule({ name: rule.id, conditions: structuredClone(rule.conditions), event: structuredClone(rule.event) });
  return engine;
}

/** The fact names a rule's conditions read (left and right sides); only those are handed to the engine. */
export function referencedFacts(node: unknown, out = new Set<string>()): Set<string> {
  if (Array.isArray(node)) node.forEach((n) => referencedFacts(n, out));
  else if (typeof node === "object" && node !== null) {
    const o = node as Record<string, unknown>;
    if (typeof o.fact === "string") out.add(o.fact);
    for (const key of ["all", "any", "not", "value"]) if (key in o) referencedFacts(o[key], out);
  }
  return out;
}

// json-rules-engine treats an absent fact as undefined; passing undefined explicitly is not the same.
function runtimeFacts(names: Set<string>, values: Record<string, unknown>, parameters: Record<string, unknown>) {
  const facts: Record<string, unknown> = { parameters };
  for (const name of names) if (values[name] !== undefined) facts[name] = values[name];
  return facts;
}

/** Runs the given (effective) rules over already-built facts. */
export async function runRules(rules: EffectiveRule[], facts: FactsByKind): Promise<Violation[]> {
  const violations: Violation[] = [];
  for (const rule of rules.filter((r) => r.enabled)) {
    const engine = engineFor(rule);
    const names = referencedFacts(rule.conditions);
    for (const fact of (facts[rule.appliesTo] ?? []) as PolicyFact<Record<string, unknown>>[]) {
      const params = parametersForFact(rule.parameters, fact.values);
      const { events } = await engine.run(runtimeFacts(names, fact.values, params));
      if (!events.length) continue;
      violations.push({
        ruleId: rule.id,
        severity: rule.severity,
        message: renderMessage(rule.message, fact.values, params, rule.id),
        params,
        values: fact.values as Record<string, FactValue>,
        target: stripUndefined(fact.target),
      });
    }
  }
  return violations;
}

function stripUndefined<T extends object>(o: T): T {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as T;
}

/** Checks a whole timetable, calendar and homework log against the rules; settings applied. */
export async function evaluateRules(input: PolicyInput, definitions: RuleDefinition[]): Promise<Violation[]> {
  const rules = applySettings(definitions, input.settings);
  const kinds = [...new Set(rules.filter((r) => r.enabled).map((r) => r.appliesTo))];
  return groupChildFindings(await runRules(rules, buildFacts(input, kinds)), rules);
}
