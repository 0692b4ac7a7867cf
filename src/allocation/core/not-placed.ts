// Why a child has no club, in one word a family can act on (issue 22): the
// results page leads with it, then says what the family can do now. Read from
// the explanation's reasons, so it says only what the explanation already knows.
import type { ReasonCode } from "./explain";

export type NotPlacedWhy =
  /** No list reached the allocation: the family did not answer (or the child was not in the round). */
  | "no-list"
  /** Every ranked club was full (or, by lottery, taken by earlier turns). */
  | "all-full"
  /** A ranked club clashed with one the child holds, or met on a day the child does not stay. */
  | "clash"
  /** Every ranked club is for other grades. */
  | "grade"
  /** Several of the above: the lines below say which choice met which. */
  | "mixed";

/** `reasons`: the codes of the child's explained choices; null when the child was not in the run at all. */
export function notPlacedWhy(reasons: ReasonCode[] | null): NotPlacedWhy {
  const missed = (reasons ?? []).filter((r) => r !== "met");
  if (!missed.length) return "no-list";
  const all = (...codes: ReasonCode[]) => missed.every((r) => codes.includes(r));
  if (all("full", "drew-later")) return "all-full";
  if (all("not-eligible-grade")) return "grade";
  if (all("clash", "slot-not-chosen")) return "clash";
  return "mixed";
}
