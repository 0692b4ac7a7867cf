// Turns clashes into what the admin reads: the `clash.<kind>` message with
// display names in place of ids, and the other sessions involved.
import type { Clash } from "./core/clashes";
import type { TimetableEntry } from "../db";
import type { Names } from "./store/week";

export interface ClashExplanation {
  key: string;
  params: Record<string, string | number>;
  weekday: number;
  period: string;
  /** The other sessions in the clash (not the one being saved). */
  others: { id: number; title: string }[];
}

export function explainClashes(
  clashes: Clash[],
  names: Names,
  entries: TimetableEntry[],
  selfId: string,
): ClashExplanation[] {
  const byId = new Map(entries.map((e) => [String(e.id), e]));
  return clashes.map((clash) => ({
    key: `clash.${clash.kind}`,
    params: displayParams(clash.params, names),
    weekday: clash.weekday,
    period: names.periods.get(Number(clash.periodId)) ?? clash.periodId,
    others: clash.entryIds
      .filter((id) => id !== selfId && byId.has(id))
      .map((id) => ({ id: Number(id), title: byId.get(id)!.title })),
  }));
}

// Messages name people and rooms, never database ids.
function displayParams(params: Clash["params"], names: Names): Record<string, string | number> {
  const out: Record<string, string | number> = { ...params };
  const swap = (key: string, map: Map<number, string>) => {
    if (params[key] !== undefined) out[key] = map.get(Number(params[key])) ?? String(params[key]);
  };
  swap("staffId", names.staff);
  swap("venueId", names.venues);
  swap("clubId", names.clubs);
  return out;
}
