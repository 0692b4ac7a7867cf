// Where a round stands at an instant: not yet open, open, or closed.
export type RoundState = "upcoming" | "open" | "closed";

// ISO UTC strings compare as text, so no Date parsing is needed.
export function roundState(round: { opensAt: string; closesAt: string }, now: string): RoundState {
  if (now < round.opensAt) return "upcoming";
  return now < round.closesAt ? "open" : "closed";
}
