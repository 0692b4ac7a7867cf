// A per-child finding's children as the compliance page lists them: names in
// student order, a page of them at a time, and a link to the finding alone (where
// the pager turns through all of them). Pure.
import type { Child, Violation } from "./core";

export interface ChildrenRow {
  names: string[];
  total: number;
  href: string;
}

/** Names by child id, in the input's order (student number). */
export const childNames = (children: Child[]): Map<string, string> => new Map(children.map((c) => [c.id, c.name]));

export function childrenRow(v: Violation, names: Map<string, string>, skip: number, take: number): ChildrenRow | null {
  if (!v.target.children) return null;
  const rank = new Map([...names.keys()].map((id, i) => [id, i]));
  const ids = [...v.target.children].sort((a, b) => (rank.get(a) ?? Infinity) - (rank.get(b) ?? Infinity));
  const p = new URLSearchParams({ rule: v.ruleId });
  if (v.target.grade !== undefined) p.set("grade", String(v.target.grade));
  if (v.target.weekday !== undefined) p.set("weekday", String(v.target.weekday));
  return {
    names: ids.slice(skip, skip + take).map((id) => names.get(id) ?? id),
    total: ids.length,
    href: `/admin/compliance?${p.toString()}`,
  };
}
