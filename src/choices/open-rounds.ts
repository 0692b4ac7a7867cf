// The current term's open rounds with how many have answered (the admin home's
// to-do list): children and families, as the round's progress page counts them.
import type { DataSource } from "typeorm";
import { nowIso } from "../db";
import { roundState } from "./core";
import { currentTerm } from "./store/round-lookup";
import { roundsOfTerm } from "./store/rounds";
import { roundProgress } from "./store/round-progress";

export interface OpenRoundProgress {
  id: number;
  name: string;
  closesAt: string;
  children: number;
  answered: number;
  families: number;
  familiesAnswered: number;
}

export async function openRoundsProgress(ds: DataSource): Promise<OpenRoundProgress[]> {
  const term = await currentTerm(ds.manager);
  if (!term) return [];
  const now = nowIso();
  const open = (await roundsOfTerm(ds, term.id)).filter((r) => roundState(r, now) === "open");
  return Promise.all(
    open.map(async (r) => ({
      id: r.id,
      name: r.name,
      closesAt: r.closesAt,
      ...(await roundProgress(ds.manager, r)).totals,
    })),
  );
}
