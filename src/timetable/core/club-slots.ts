// Where a club could meet: the week's club slots (those holding a club session)
// and, for each, what placing the club there would break, asked of the same
// clash checks every save goes through (clashesForChange): its teacher busy,
// its venue taken or too small, a grade rule. A list of feasible slots for the
// admin to pick from, not an optimiser (laying out the week is the proposer's job).
import { clashesForChange, type Clash, type ClashContext, type Placement } from "./clashes";

export interface Slot {
  weekday: number;
  periodId: string;
}

export interface SlotFit extends Slot {
  /** The club already meets here (placing it again would be a second session in one slot). */
  already: boolean;
  /** What a session of the club here would clash with; none: it fits. */
  clashes: Clash[];
}

/** The entry id the proposed session has in the checks. */
export const PROPOSED_ID = "proposed";

const key = (s: Slot) => `${s.weekday}|${s.periodId}`;

/**
 * The slots where the week's clubs meet, by day and period (the order of `periodOrder`).
 * A school's clubs share a few club slots (the demo's Thursday period 2), so those
 * are where a new club goes; a week with no club yet offers every slot.
 */
export function clubSlotsOf(placements: Placement[], weekdays: readonly number[], periodOrder: string[]): Slot[] {
  const clubs = new Map(placements.filter((p) => p.kind === "club").map((p) => [key(p), p] as const));
  const all = periodOrder.flatMap((periodId) => weekdays.map((weekday) => ({ weekday, periodId })));
  const order = (s: Slot) => s.weekday * 1000 + periodOrder.indexOf(s.periodId);
  return (clubs.size ? all.filter((s) => clubs.has(key(s))) : all).sort((a, b) => order(a) - order(b));
}

/**
 * Each slot with what the club's session there would clash with. `session` is the
 * club's session as it would be saved (its teacher, venue and grades), without a slot.
 */
export function clubSlotFits(
  existing: Placement[],
  session: Omit<Placement, "entryId" | "weekday" | "periodId">,
  slots: Slot[],
  context: ClashContext,
): SlotFit[] {
  return slots.map((slot) => {
    const already =
      session.clubId !== undefined &&
      existing.some((p) => p.clubId === session.clubId && p.weekday === slot.weekday && p.periodId === slot.periodId);
    const proposed: Placement = { ...session, entryId: PROPOSED_ID, weekday: slot.weekday, periodId: slot.periodId };
    return { ...slot, already, clashes: already ? [] : clashesForChange(existing, proposed, context) };
  });
}
