// The published allocation as the club report reads it: placements (as changed
// by waitlist offers), who still waits, and each child's ranked list. Before an
// allocation is published there is nothing: the report says so.
import type { DataSource } from "typeorm";
import { In } from "typeorm";
import { ClubPlacement, WaitlistEntry } from "../../assignment/web/entities";
import { Preference } from "../../choices/entities";
import { publishedRoundIds } from "../../attendance/club-members";
import type { AllocationInput } from "../index";

export interface AllocationData { published: boolean; allocation: AllocationInput; choices: Record<string, string[]> }

const EMPTY: AllocationData = { published: false, allocation: { assignments: {}, waitlists: {}, metrics: { placements: 0, rankCounts: [] } }, choices: {} };

// A placement's rank is the club's place on the child's list; a pinned club not on it has none.
export function rankCounts(assignments: Record<string, string[]>, choices: Record<string, string[]>): number[] {
  const counts: number[] = [];
  for (const [studentId, clubs] of Object.entries(assignments)) {
    for (const club of clubs) {
      const rank = (choices[studentId] ?? []).indexOf(club);
      if (rank < 0) continue;
      while (counts.length <= rank) counts.push(0);
      counts[rank]++;
    }
  }
  return counts;
}

export async function publishedAllocation(ds: DataSource, termId: number): Promise<AllocationData> {
  const rounds = await publishedRoundIds(ds, termId);
  if (rounds.length === 0) return EMPTY;
  const [placements, waiting, preferences] = await Promise.all([
    ds.getRepository(ClubPlacement).find({ where: { roundId: In(rounds) }, select: { studentId: true, clubId: true }, order: { id: "ASC" } }),
    ds.getRepository(WaitlistEntry).find({ where: { roundId: In(rounds), status: In(["waiting", "offered"]) }, select: { studentId: true, clubId: true, position: true }, order: { position: "ASC" } }),
    ds.getRepository(Preference).find({ where: { roundId: In(rounds) }, select: { studentId: true, clubIds: true } }),
  ]);
  const assignments: Record<string, string[]> = {};
  for (const p of placements) (assignments[String(p.studentId)] ??= []).push(String(p.clubId));
  const waitlists: Record<string, string[]> = {};
  for (const w of waiting) (waitlists[String(w.clubId)] ??= []).push(String(w.studentId));
  const choices = Object.fromEntries(preferences.map((p) => [String(p.studentId), p.clubIds.map(String)]));
  return {
    published: true,
    allocation: { assignments, waitlists, metrics: { placements: placements.length, rankCounts: rankCounts(assignments, choices) } },
    choices,
  };
}
