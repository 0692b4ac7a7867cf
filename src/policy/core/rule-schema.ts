// The shape of a rule file (rules/<id>.json), checked with zod before anything runs.
import { z } from "zod";
import type { TopLevelCondition } from "json-rules-engine";
import { FACT_KIND_NAMES } from "./facts";
import { checkRuleSemantics, type RuleIssue } from "./rule-checks";
import type { FactKind, Localized, ParameterValue, Severity } from "./types";

const localized = z.strictObject({ "zh-CN": z.string().min(1), en: z.string().min(1) });
const scalar = z.union([z.number(), z.string(), z.boolean()], { error: "expected a number, string or boolean" });
const banded = z.strictObject({
  by: z.string().min(1),
  cases: z.array(z.strictObject({ in: z.array(scalar).min(1), value: scalar })).min(1),
  default: scalar.optional(),
});
export const parameterValueSchema = z.union([scalar, z.array(scalar), banded], {
  error: "expected a number, string, boolean, list, or { by, cases }",
});

export const ruleFileSchema = z.strictObject({
  $schema: z.string().optional(),
  id: z.string().regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, "expected a kebab-case id such as daily-sport-hour"),
  title: localized,
  description: localized.optional(),
  severity: z.enum(["error", "warning"]),
  appliesTo: z.enum(FACT_KIND_NAMES as [FactKind, ...FactKind[]]),
  enabled: z.boolean().optional(),
  parameters: z.record(z.string().regex(/^[A-Za-z_][A-Za-z0-9_]*$/), parameterValueSchema).optional(),
  message: localized,
  conditions: z.record(z.string(), z.unknown()),
  event: z.strictObject({ type: z.string().min(1), params: z.record(z.string(), z.unknown()).optional() }).optional(),
});

/** A validated rule file. */
export interface RuleDefinition {
  id: string;
  title: Localized;
  description?: Localized;
  severity: Severity;
  appliesTo: FactKind;
  enabled: boolean;
  parameters: Record<string, ParameterValue>;
  message: Localized;
  conditions: TopLevelCondition;
  event: { type: string; params?: Record<string, unknown> };
  /** Where it was loaded from, for error messages and the admin page. */
  file?: string;
}

/** A rule file that cannot be used; the message names the file and each bad field. */
export class RuleFileError extends Error {
  readonly file: string;
  readonly issues: RuleIssue[];
  readonly field: string;
  constructor(file: string, issues: RuleIssue[]) {
    super(issues.map((i) => `${file}: ${i.field}: ${i.message}`).join("\n"));
    this.name = "RuleFileError";
    this.file = file;
    this.issues = issues;
    this.field = issues[0]?.field ?? "";
  }
}

export function formatPath(path: readonly PropertyKey[]): string {
  return (
    path.reduce<string>((out, key) => {
      if (typeof key === "number") return `${out}[${key}]`;
      return out ? `${out}.${String(key)}` : String(key);
    }, "") || "(root)"
  );
}

function zodIssues(error: z.ZodError): RuleIssue[] {
  return error.issues.flatMap((issue) => {
    if (issue.code === "unrecognized_keys") {
      return issue.keys.map((key) => ({ field: formatPath([...issue.path, key]), message: "unknown field" }));
    }
    const message = issue.message.replace(/^Invalid input: /, "");
    return [{ field: formatPath(issue.path), message: /received undefined$/.test(message) ? "required" : message }];
  });
}

/**
 * Validates one parsed rule file. `file` is the name used in messages (e.g. "rules/daily-sport-hour.json");
 * its base name must equal the rule's id.
 */
export function parseRule(json: unknown, file: string): RuleDefinition {
  const parsed = ruleFileSchema.safeParse(json);
  if (!parsed.success) throw new RuleFileError(file, zodIssues(parsed.error));
  const raw = parsed.data;
  const rule: RuleDefinition = {
    id: raw.id,
    title: raw.title,
    description: raw.description,
    severity: raw.severity,
    appliesTo: raw.appliesTo,
    enabled: raw.enabled ?? true,
    parameters: raw.parameters ?? {},
    message: raw.message,
    conditions: raw.conditions as unknown as TopLevelCondition,
    event: raw.event ?? { type: raw.id },
    file,
  };
  const expectedId = file.replace(/^.*[\\/]/, "").replace(/\.json$/, "");
  const issues: RuleIssue[] = [];
  if (/\.json$/.test(file) && expectedId !== rule.id)
    issues.push({ field: "id", message: `must equal the file name "${expectedId}"` });
  issues.push(...checkRuleSemantics(rule));
  if (issues.length) throw new RuleFileError(file, issues);
  return rule;
}
