// The rules of one child's answer. Ticks are unranked on purpose: families are
// asked what a child would like, not to play a ranking, before anything is on offer.

export interface TickLimits {
  /** The survey's clubs, in its order, with the grades each is for. */
  clubs: { id: number; grades: number[] }[];
  maxTicks: number;
  grade: number;
}

export interface Ticks {
  clubIds: number[];
  mostWantedClubId: number | null;
}

export interface TickObjection {
  field: "clubIds" | "mostWantedClubId";
  key: string;
  params?: Record<string, unknown>;
}

/** The clubs of the survey a child of this grade may tick. */
export const clubsForGrade = <C extends { grades: number[] }>(clubs: C[], grade: number): C[] =>
  clubs.filter((c) => c.grades.includes(grade));

/**
 * The answer in the survey's club order, or the first objection: at least one
 * tick (an empty answer says nothing to plan with), only clubs offered to the
 * child's grade, at most maxTicks, and "most wanted" one of the ticked clubs.
 */
export function checkTicks(
  ticks: Ticks,
  limits: TickLimits,
): { ok: true; ticks: Ticks } | { ok: false; objection: TickObjection } {
  const open = clubsForGrade(limits.clubs, limits.grade).map((c) => c.id);
  const chosen = new Set(ticks.clubIds);
  if (chosen.size === 0) return { ok: false, objection: { field: "clubIds", key: "interest.validation.none" } };
  if ([...chosen].some((id) => !open.includes(id)))
    return { ok: false, objection: { field: "clubIds", key: "interest.validation.notOffered" } };
  if (chosen.size > limits.maxTicks)
    return {
      ok: false,
      objection: { field: "clubIds", key: "interest.validation.tooMany", params: { max: limits.maxTicks } },
    };
  if (ticks.mostWantedClubId !== null && !chosen.has(ticks.mostWantedClubId))
    return { ok: false, objection: { field: "mostWantedClubId", key: "interest.validation.mostWanted" } };
  return {
    ok: true,
    ticks: { clubIds: open.filter((id) => chosen.has(id)), mostWantedClubId: ticks.mostWantedClubId },
  };
}

/** The demand order the proposer reads: the most wanted club first, then the others in the survey's order. */
export function demandOrder(ticks: Ticks): number[] {
  const most = ticks.mostWantedClubId;
  return most === null ? [...ticks.clubIds] : [most, ...ticks.clubIds.filter((id) => id !== most)];
}
