// Checks a rule file's conditions, parameters and message against the fact kind it applies to,
// so a typo in a new JSON rule fails at load time instead of silently never firing.
import { isClockTime } from "./clock";
import { FACT_KINDS } from "./facts";
import { isBanded } from "./parameters";
import { BASE_OPERATORS, DECORATORS, TIME_OPERATORS } from "./operators";
import type { FactKind, Localized, ParameterValue } from "./types";

export interface RuleIssue {
  field: string;
  message: string;
}

interface CheckedRule {
  appliesTo: FactKind;
  parameters: Record<string, ParameterValue>;
  message: Localized;
  conditions: unknown;
}

type Expected = "number" | "time" | "list";
const NUMERIC = new Set(["lessThan", "lessThanInclusive", "greaterThan", "greaterThanInclusive"]);
const PARAM_PATH = /^\$\.([A-Za-z_][A-Za-z0-9_]*)$/;
const LEAF_KEYS = new Set(["fact", "operator", "value", "path", "params", "name", "priority"]);
const BOOL_KEYS = new Set(["all", "any", "not", "name", "priority"]);

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === "object" && v !== null && !Array.isArray(v);
const join = (path: string, key: string | number) => (typeof key === "number" ? `${path}[${key}]` : `${path}.${key}`);

function expectedFor(operator: string): Expected | undefined {
  if (operator.includes(":")) return undefined; // decorated operators reshape their operands
  if (NUMERIC.has(operator)) return "number";
  if (TIME_OPERATORS.has(operator)) return "time";
  if (operator === "in" || operator === "notIn") return "list";
  return undefined;
}

function checkValue(value: unknown, expected: Expected): string | undefined {
  if (expected === "number" && typeof value !== "number") return `expected number, received ${kindOf(value)}`;
  if (expected === "time" && !isClockTime(value)) return `expected a time "HH:MM", received ${JSON.stringify(value)}`;
  if (expected === "list" && !Array.isArray(value)) return `expected a list, received ${kindOf(value)}`;
  return undefined;
}

function kindOf(v: unknown): string {
  return Array.isArray(v) ? "list" : v === null ? "null" : typeof v;
}

function operatorIssue(op: unknown): string | undefined {
  if (typeof op !== "string") return "required";
  const parts = op.split(":");
  const base = parts.pop() as string;
  if (!BASE_OPERATORS.has(base)) return `unknown operator "${base}"`;
  const bad = parts.find((d) => !DECORATORS.has(d));
  return bad ? `unknown operator decorator "${bad}"` : undefined;
}

class ConditionWalker {
  readonly issues: RuleIssue[] = [];
  /** parameter name → how the conditions use it */
  readonly uses = new Map<string, { expected?: Expected; field: string }>();
  constructor(
    private readonly rule: CheckedRule,
    private readonly fields: Set<string>,
  ) {}

  node(node: unknown, path: string, top: boolean): void {
    if (!isObject(node)) return this.issue(path, "expected an object with all, any, not, or fact/operator/value");
    if ("condition" in node) return this.issue(`${path}.condition`, "shared condition references are not supported");
    const bool = ["all", "any", "not"].filter((k) => k in node);
    if (bool.length > 1) return this.issue(path, `use one of all, any, not (found ${bool.join(", ")})`);
    if (bool.length === 1) return this.boolean(node, path, bool[0]);
    if (top) return this.issue(path, "the top level must be all, any or not");
    this.leaf(node, path);
  }

  private boolean(node: Record<string, unknown>, path: string, key: string): void {
    for (const k of Object.keys(node))
      if (!BOOL_KEYS.has(k) || (k !== key && ["all", "any", "not"].includes(k)))
        this.issue(join(path, k), "unknown field");
    const inner = node[key];
    if (key === "not") return this.node(inner, join(path, "not"), false);
    if (!Array.isArray(inner) || inner.length === 0)
      return this.issue(join(path, key), "expected a non-empty list of conditions");
    inner.forEach((child, i) => this.node(child, join(join(path, key), i), false));
  }

  private leaf(node: Record<string, unknown>, path: string): void {
    for (const k of Object.keys(node)) if (!LEAF_KEYS.has(k)) this.issue(join(path, k), "unknown field");
    const opIssue = operatorIssue(node.operator);
    if (opIssue) this.issue(join(path, "operator"), opIssue);
    const expected = typeof node.operator === "string" ? expectedFor(node.operator) : undefined;
    this.factRef(node.fact, node.path, join(path, "fact"), undefined);
    if (!("value" in node)) return this.issue(join(path, "value"), "required");
    if (isObject(node.value) && "fact" in node.value) {
      this.factRef(node.value.fact, node.value.path, join(join(path, "value"), "fact"), expected);
    } else if (expected) {
      const problem = checkValue(node.value, expected);
      if (problem) this.issue(join(path, "value"), problem);
    }
  }

  private factRef(fact: unknown, factPath: unknown, path: string, expected: Expected | undefined): void {
    if (typeof fact !== "string") return this.issue(path, "required");
    if (fact !== "parameters") {
      if (!this.fields.has(fact))
        this.issue(path, `unknown fact "${fact}" for ${this.rule.appliesTo} (known: ${[...this.fields].join(", ")})`);
      return;
    }
    const m = typeof factPath === "string" ? PARAM_PATH.exec(factPath) : null;
    if (!m) return this.issue(path.replace(/fact$/, "path"), 'expected "$.<parameter name>"');
    if (!(m[1] in this.rule.parameters))
      return this.issue(`parameters.${m[1]}`, "required by the conditions but missing");
    const prev = this.uses.get(m[1]);
    if (!prev?.expected) this.uses.set(m[1], { expected, field: path });
  }

  issue(field: string, message: string): void {
    this.issues.push({ field, message });
  }
}

// A parameter used with lessThan must be a number (or numbers by band); with timeBefore, a time.
function parameterIssues(rule: CheckedRule, walker: ConditionWalker, fields: Set<string>): RuleIssue[] {
  const issues: RuleIssue[] = [];
  for (const [name, value] of Object.entries(rule.parameters)) {
    const field = `parameters.${name}`;
    if (isBanded(value)) {
      if (!fields.has(value.by))
        issues.push({ field: `${field}.by`, message: `unknown fact "${value.by}" for ${rule.appliesTo}` });
    }
    const expected = walker.uses.get(name)?.expected;
    if (!expected) continue;
    const candidates: [string, unknown][] = isBanded(value)
      ? [
          ...value.cases.map((c, i): [string, unknown] => [`${field}.cases[${i}].value`, c.value]),
          ...(value.default === undefined ? [] : [[`${field}.default`, value.default] as [string, unknown]]),
        ]
      : [[field, value]];
    for (const [f, v] of candidates) {
      const problem = checkValue(v, expected);
      if (problem) issues.push({ field: f, message: problem });
    }
  }
  return issues;
}

// Every {placeholder} in a message must be a field of the fact or a parameter.
function placeholderIssues(rule: CheckedRule, fields: Set<string>): RuleIssue[] {
  const issues: RuleIssue[] = [];
  for (const locale of ["zh-CN", "en"] as const) {
    for (const [, name] of rule.message[locale].matchAll(/\{([^{}]+)\}/g)) {
      const param = name.startsWith("parameters.") ? name.slice("parameters.".length) : name;
      if (!fields.has(name) && !(param in rule.parameters) && name !== "ruleId") {
        issues.push({ field: `message.${locale}`, message: `unknown placeholder {${name}}` });
      }
    }
  }
  return issues;
}

export function checkRuleSemantics(rule: CheckedRule): RuleIssue[] {
  const fields = new Set<string>(FACT_KINDS[rule.appliesTo].fields);
  const walker = new ConditionWalker(rule, fields);
  walker.node(rule.conditions, "conditions", true);
  return [...walker.issues, ...parameterIssues(rule, walker, fields), ...placeholderIssues(rule, fields)];
}
