// Per-child findings, grouped: a rule over childDay fires once per distinct day plan,
// and one grade's Thursday may have several plans (one per class's homework period,
// one per set of clubs). What the school acts on is "these children of grade 3 on
// Thursdays": one finding per rule, grade and weekday, naming every child of its
// plans, worded from the plan with the most children. Pure.
import { renderMessage } from "./message";
import type { RuleDefinition } from "./rule-schema";
import type { Violation } from "./types";

const byNumber = (a: string, b: string) => Number(a) - Number(b) || a.localeCompare(b);

export function groupChildFindings(violations: Violation[], rules: RuleDefinition[]): Violation[] {
  const perChild = new Map(rules.filter((r) => r.appliesTo === "childDay").map((r) => [r.id, r]));
  const groups = new Map<string, Violation[]>();
  const out: Violation[] = [];
  for (const v of violations) {
    if (!perChild.has(v.ruleId) || !v.target.children) {
      out.push(v);
      continue;
    }
    const key = `${v.ruleId}|${v.target.grade}|${v.target.weekday}`;
    const group = groups.get(key);
    if (group) {
      group.push(v);
      continue;
    }
    groups.set(key, [v]);
    out.push(v); // its place in the order; replaced below
  }
  return out.map((v) => {
    const group = groups.get(`${v.ruleId}|${v.target.grade}|${v.target.weekday}`);
    if (!perChild.has(v.ruleId) || !group || group[0] !== v) return v;
    if (group.length === 1) return v;
    const children = [...new Set(group.flatMap((g) => g.target.children ?? []))].sort(byNumber);
    const main = group.reduce((a, b) => ((b.target.children?.length ?? 0) > (a.target.children?.length ?? 0) ? b : a));
    const values = {
      ...main.values,
      childCount: children.length,
      dayCount: group.reduce((n, g) => n + Number(g.values.dayCount ?? 0), 0),
    };
    return {
      ...main,
      message: renderMessage(perChild.get(v.ruleId)!.message, values, main.params, v.ruleId),
      values,
      target: { ...main.target, children },
    };
  });
}
