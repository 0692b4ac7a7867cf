// Rounds over a term (issue 18), as pure rules. The first allocation round of a
// term is its main round; every later one is a top-up (补选) that offers the
// seats the ledger leaves. A round covers the clubs open to its grades, or only
// the clubs it names. The order of rounds is the order they open (then their id).
export type RoundKind = "main" | "topUp";

type Ordered = { id: number; opensAt: string };
type Covering = { grades: number[]; clubIds: number[] | null };

const before = (a: Ordered, b: Ordered) => a.opensAt < b.opensAt || (a.opensAt === b.opensAt && a.id < b.id);

/** Main for the term's first round, top-up for any later one (`rounds`: the term's rounds). */
export function roundKindOf(rounds: Ordered[], round: Ordered): RoundKind {
  return rounds.some((r) => r.id !== round.id && before(r, round)) ? "topUp" : "main";
}

/** Rounds of the term that come after `round`. */
export function laterRounds<T extends Ordered>(rounds: T[], round: Ordered): T[] {
  return rounds.filter((r) => r.id !== round.id && before(round, r));
}

/** A round covers a club open to one of its grades, and, when it names clubs, only those. */
export function coversClub(round: Covering, club: { id: number; grades: number[] }): boolean {
  if (round.clubIds && round.clubIds.length > 0 && !round.clubIds.includes(club.id)) return false;
  return club.grades.some((g) => round.grades.includes(g));
}

/**
 * The date a round's seats start, fixed when it is opened: the school date it
 * closes on, kept inside the term. Closing early later does not move it, so the
 * seats families were shown stay the seats the round allocates.
 */
export function fixedEffectiveDate(closesOn: string, term: { startDate: string; endDate: string }): string {
  return closesOn < term.startDate ? term.startDate : closesOn > term.endDate ? term.endDate : closesOn;
}
