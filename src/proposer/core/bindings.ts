// Why the proposal is as it is: the constraints that actually bind in it, in
// terms an admin can act on ("T07 is free only on Thursday, so choir can only
// go there"; "there is one music room, so choir and dance cannot meet at the
// same time"). Computed from the instance and the result alone, so the page
// can explain any stored proposal: for each club, the slot where most of the
// children who want it stay (the demand the surrogate also steers by) and what
// keeps the club out of it. A club that could move there but did not is not
// held by a constraint (the search judged the whole timetable better as it
// is), so it yields nothing. The list is capped, most children affected first.

import { openSlots } from "./candidates";
import { PlacedView } from "./placed-view";
import { compileProblem } from "./problem";
import type { ProposalInstance, ProposalResult, UnplacedReason } from "./types";

export type BindingKind =
  | "unplaced"
  | "staff-only-slot"
  | "staff-only-slots"
  | "staff-away"
  | "staff-busy"
  | "fixed-pins"
  | "venue-only-of-kind"
  | "kind-full-in-slot"
  | "shared-slot";

/** One binding constraint. Ids as in the instance; `count` is the number of children it affects. */
export interface Binding {
  kind: BindingKind;
  club?: string;
  /** The other club involved: the one in the way, or the one sharing the slot. */
  other?: string;
  staff?: string;
  venue?: string;
  venueKind?: string;
  slot?: string;
  /** For `unplaced`: the club's reason, as in `unplacedClubs`. */
  reason?: UnplacedReason;
  count?: number;
}

/** Bindings shown by default: the page explains the few that matter most, not every limit. */
export const BINDINGS_SHOWN = 12;

/** The locale key of a binding's sentence (unplaced clubs have one sentence per reason). */
export function bindingKey(binding: Binding): string {
  return binding.kind === "unplaced"
    ? `proposer.binding.unplaced.${binding.reason}`
    : `proposer.binding.${binding.kind}`;
}

const KIND_ORDER: BindingKind[] = [
  "unplaced",
  "staff-only-slot",
  "staff-only-slots",
  "fixed-pins",
  "venue-only-of-kind",
  "kind-full-in-slot",
  "staff-busy",
  "staff-away",
  "shared-slot",
];

export function bindings(instance: ProposalInstance, result: ProposalResult, limit = BINDINGS_SHOWN): Binding[] {
  const problem = compileProblem(instance);
  const view = new PlacedView(problem, result.entries);
  const clubIds = instance.clubs.map((c) => c.id);
  const slotIds = instance.slots.map((s) => s.id);
  const out: { binding: Binding; club: number; slot: number }[] = [];
  const add = (club: number, binding: Binding) =>
    out.push({ binding, club, slot: binding.slot === undefined ? -1 : problem.slotIndex.get(binding.slot)! });

  const clubIndex = new Map(clubIds.map((id, c) => [id, c]));
  for (const u of result.unplacedClubs) {
    const c = clubIndex.get(u.club)!;
    add(c, { kind: "unplaced", club: u.club, reason: u.reason, count: problem.interested[c].length });
  }

  problem.clubs.forEach((spec, c) => {
    const slots = view.slotsOf(c);
    if (slots === null) return;
    const movable = slots.filter((t) => !spec.fixedSlots.includes(t));
    if (movable.length === 0) return;
    const leader = instance.staff[view.leaderOf(c)].id;
    const here = view.reach(c, slots);
    // No choice at all: every slot any of its staff could lead it in is one it has.
    const open = new Set(spec.staff.flatMap((s) => openSlots(problem, c, s) ?? []));
    if (open.size === slots.length) {
      const lost = Math.min(spec.capacity, problem.interested[c].length) - here;
      if (lost > 0) {
        const single = movable.length === 1;
        add(c, {
          kind: single ? "staff-only-slot" : "staff-only-slots",
          club: clubIds[c],
          staff: leader,
          ...(single ? { slot: slotIds[movable[0]] } : {}),
          count: lost,
        });
      }
      return;
    }
    const best = view.bestMove(c, movable);
    if (best === null) return;
    const why = view.blocker(c, best.slots, best.to);
    if (why === null) return;
    add(c, {
      kind: why.kind,
      club: clubIds[c],
      ...(why.other !== undefined ? { other: clubIds[why.other] } : {}),
      ...(why.kind === "staff-away" ? { staff: leader } : {}),
      ...(why.staff !== undefined ? { staff: instance.staff[why.staff].id } : {}),
      ...(why.venue !== undefined ? { venue: instance.venues[why.venue].id } : {}),
      ...(why.kind === "kind-full-in-slot" && instance.clubs[c].venueKind
        ? { venueKind: instance.clubs[c].venueKind }
        : {}),
      slot: slotIds[best.to],
      count: best.gain,
    });
  });

  // A pair sharing two slots (twice-weekly clubs) is one binding: the slot where more children must choose.
  const pairs = new Map<string, ReturnType<PlacedView["sharedSlots"]>[number]>();
  for (const pair of view.sharedSlots()) {
    const key = `${pair.club},${pair.other}`;
    if ((pairs.get(key)?.children ?? -1) < pair.children) pairs.set(key, pair);
  }
  for (const pair of pairs.values())
    add(pair.club, {
      kind: "shared-slot",
      club: clubIds[pair.club],
      other: clubIds[pair.other],
      slot: slotIds[pair.slot],
      count: pair.children,
    });

  // Unplaced clubs first, then most children affected; kind, club and slot order make it deterministic.
  const rank = (b: Binding) => (b.kind === "unplaced" ? 0 : 1);
  out.sort(
    (a, b) =>
      rank(a.binding) - rank(b.binding) ||
      (b.binding.count ?? 0) - (a.binding.count ?? 0) ||
      KIND_ORDER.indexOf(a.binding.kind) - KIND_ORDER.indexOf(b.binding.kind) ||
      a.club - b.club ||
      a.slot - b.slot,
  );
  return out.slice(0, limit).map((x) => x.binding);
}
