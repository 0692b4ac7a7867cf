// Two rounds open at once covering one club would leave a family not knowing
// which list counts (and offer that club's seats twice). Rounds that name
// different clubs may run side by side (issue 18: a top-up for a few clubs).
import { coversClub } from "./term-rounds";

export interface RoundWindow {
  opensAt: string;
  closesAt: string;
  grades: number[];
  clubIds: number[] | null;
}

/** The first of `rounds` (other than `selfId`) open at the same time as `r` and covering one of its clubs, or null. */
export function overlappingRound<R extends RoundWindow & { id: number }>(
  rounds: R[],
  r: RoundWindow,
  clubs: { id: number; grades: number[] }[],
  selfId?: number,
): R | null {
  const timesMeet = (o: R) => o.opensAt < r.closesAt && r.opensAt < o.closesAt;
  const shareClub = (o: R) => clubs.some((c) => coversClub(o, c) && coversClub(r, c));
  return rounds.find((o) => o.id !== selfId && timesMeet(o) && shareClub(o)) ?? null;
}
