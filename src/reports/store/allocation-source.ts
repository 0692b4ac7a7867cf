// The published allocation as the club report reads it: who is in which club
// today (the membership ledger: every published round, as offers and withdrawals
// changed it), who still waits, and each child's ranked list. Before an
// allocation is published there is nothing: the report says so.
import { type DataSource, In } from "typeorm";
import { WaitlistEntry } from "../../allocation";
import { Preference } from "../../choices";
import { Term } from "../../db";
import { schoolToday } from "../../kernel";
import { dateInTerm, seatsOn } from "../../membership";
import { publishedRoundIds } from "../../attendance";
import { rankCounts, type AllocationInput } from "../core";

export interface AllocationData {
  published: boolean;
  allocation: AllocationInput;
  choices: Record<string, string[]>;
}

const EMPTY: AllocationData = {
  published: false,
  allocation: { assignments: {}, waitlists: {}, metrics: { placements: 0, rankCounts: [] } },
  choices: {},
};

export async function publishedAllocation(ds: DataSource, termId: number): Promise<AllocationData> {
  const rounds = await publishedRoundIds(ds, termId);
  if (rounds.length === 0) return EMPTY;
  const term = await ds.getRepository(Term).findOneByOrFail({ id: termId });
  const date = dateInTerm(await schoolToday(ds), term.startDate, term.endDate);
  const [seats, waiting, preferences] = await Promise.all([
    seatsOn(ds, termId, date),
    ds.getRepository(WaitlistEntry).find({
      where: { roundId: In(rounds), status: In(["waiting", "offered"]) },
      select: { studentId: true, clubId: true, position: true },
      order: { position: "ASC" },
    }),
    ds.getRepository(Preference).find({ where: { roundId: In(rounds) }, select: { studentId: true, clubIds: true } }),
  ]);
  const assignments: Record<string, string[]> = {};
  let placements = 0;
  for (const [studentId, clubIds] of seats) {
    assignments[String(studentId)] = clubIds.map(String);
    placements += clubIds.length;
  }
  const waitlists: Record<string, string[]> = {};
  for (const w of waiting) (waitlists[String(w.clubId)] ??= []).push(String(w.studentId));
  const choices = Object.fromEntries(preferences.map((p) => [String(p.studentId), p.clubIds.map(String)]));
  return {
    published: true,
    allocation: { assignments, waitlists, metrics: { placements, rankCounts: rankCounts(assignments, choices) } },
    choices,
  };
}
