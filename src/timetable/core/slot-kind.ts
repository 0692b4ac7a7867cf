// The kind a new session in a slot most likely is, for the entry form's default:
// what most sessions in that slot already are (Thursday period 2 holds clubs, so
// a session added there is a club), else what the period holds most on other
// days, else an activity. Ties go to the kind listed first in KIND_ORDER.
import type { SessionKind } from "./clashes";

interface Placed {
  weekday: number;
  periodId: number;
  kind: SessionKind;
}

const KIND_ORDER: SessionKind[] = ["club", "homework", "sport", "activity", "lesson"];

function commonest(entries: Placed[]): SessionKind | null {
  const counts = new Map<SessionKind, number>();
  for (const e of entries) counts.set(e.kind, (counts.get(e.kind) ?? 0) + 1);
  let best: SessionKind | null = null;
  for (const kind of KIND_ORDER) if ((counts.get(kind) ?? 0) > (best ? counts.get(best)! : 0)) best = kind;
  return best;
}

export function slotKind(entries: Placed[], weekday: number, periodId: number): SessionKind {
  const inPeriod = entries.filter((e) => e.periodId === periodId);
  return commonest(inPeriod.filter((e) => e.weekday === weekday)) ?? commonest(inPeriod) ?? "activity";
}
