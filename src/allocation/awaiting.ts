// Rounds of the current term that are closed and have runs but nothing
// published (the admin home's to-do list: families are waiting for a result).
import type { DataSource } from "typeorm";
import { currentTerm, nowIso } from "../db";
import { roundState } from "../choices/core";
import { roundsOfTerm } from "./store/school";
import { publicationsOf, runCount } from "./store/runs";

export interface AwaitingRound {
  id: number;
  name: string;
  runs: number;
}

export async function roundsAwaitingPublication(ds: DataSource): Promise<AwaitingRound[]> {
  const term = await currentTerm(ds);
  if (!term) return [];
  const now = nowIso();
  const closed = (await roundsOfTerm(ds, term.id)).filter((r) => roundState(r, now) === "closed");
  if (!closed.length) return [];
  const published = new Set(
    (
      await publicationsOf(
        ds,
        closed.map((r) => r.id),
      )
    ).map((p) => p.roundId),
  );
  const waiting = closed.filter((r) => !published.has(r.id));
  const runs = await Promise.all(waiting.map((r) => runCount(ds, r.id)));
  return waiting.map((r, i) => ({ id: r.id, name: r.name, runs: runs[i] })).filter((r) => r.runs > 0);
}
