// For the timetable grid: the violations to show inline in each cell.
import type { DataSource } from "typeorm";
import type { Violation } from "../index";
import { runPolicy } from "./policy-service";

/** The cell key the grid uses: "<weekday>-<periodId>", e.g. "4-12". */
export const slotKey = (weekday: number, periodId: string | number): string => `${weekday}-${periodId}`;

/**
 * The draft timetable's violations that point at one slot or one entry in it, keyed by
 * "weekday-periodId". Violations about a whole day, a person or a room are on /admin/compliance.
 */
export async function violationsBySlot(ds: DataSource, termId: number): Promise<Map<string, Violation[]>> {
  const { violations } = await runPolicy(ds, termId);
  return groupBySlot(violations);
}

export function groupBySlot(violations: Violation[]): Map<string, Violation[]> {
  const out = new Map<string, Violation[]>();
  for (const v of violations) {
    const { kind, weekday, periodId } = v.target;
    if ((kind !== "slot" && kind !== "entry") || weekday === undefined || periodId === undefined) continue;
    const key = slotKey(weekday, periodId);
    out.set(key, [...(out.get(key) ?? []), v]);
  }
  return out;
}
