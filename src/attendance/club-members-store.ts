// Club members on a date, from the membership ledger (src/membership): every
// published round's seats as offers and withdrawals changed them, each child
// once. Before any allocation is published there are none, so club registers
// are empty.
import { type DataSource, In } from "typeorm";
import { AllocationPublication } from "../allocation";
import { ChoiceRound } from "../choices";
import { membersOn } from "../membership";

/** Student ids by club id on `date`, for the given clubs (an empty set for a club with none). */
export function clubMembers(ds: DataSource, clubIds: number[], date: string): Promise<Map<number, Set<number>>> {
  return membersOn(ds, clubIds, date);
}

/** The rounds of a term whose allocation is published (waitlists exist only for these). */
export async function publishedRoundIds(ds: DataSource, termId: number): Promise<number[]> {
  const rounds = await ds.getRepository(ChoiceRound).find({ where: { termId }, select: { id: true } });
  if (rounds.length === 0) return [];
  const published = await ds
    .getRepository(AllocationPublication)
    .find({ where: { roundId: In(rounds.map((r) => r.id)) }, select: { roundId: true } });
  return published.map((p) => p.roundId);
}
