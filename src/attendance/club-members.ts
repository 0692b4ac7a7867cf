// Club members as the published allocation placed them (src/assignment/web):
// publishing copies a run's result into ClubPlacement rows, and waitlist offers
// change them. Before any allocation is published there are none, so club
// registers are empty. The one place attendance and reports read club membership.
import type { DataSource } from "typeorm";
import { In } from "typeorm";
import { AllocationPublication, ClubPlacement } from "../assignment/web/entities";
import { ChoiceRound } from "../choices/entities";

/** Student ids by club id, for the given clubs (an empty map before publication). */
export async function clubMembers(ds: DataSource, clubIds: number[]): Promise<Map<number, Set<number>>> {
  const members = new Map<number, Set<number>>(clubIds.map((id) => [id, new Set<number>()]));
  if (clubIds.length === 0) return members;
  const rows = await ds.getRepository(ClubPlacement).find({ where: { clubId: In(clubIds) }, select: { clubId: true, studentId: true } });
  for (const r of rows) members.get(r.clubId)?.add(r.studentId);
  return members;
}

/** The rounds of a term whose allocation is published (placements exist only for these). */
export async function publishedRoundIds(ds: DataSource, termId: number): Promise<number[]> {
  const rounds = await ds.getRepository(ChoiceRound).find({ where: { termId }, select: { id: true } });
  if (rounds.length === 0) return [];
  const published = await ds.getRepository(AllocationPublication).find({ where: { roundId: In(rounds.map((r) => r.id)) }, select: { roundId: true } });
  return published.map((p) => p.roundId);
}
