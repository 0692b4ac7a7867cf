// How far the draft week is from what families see (the admin home's to-do
// list): changes not yet published, clashes, and when it was last published.
import type { DataSource } from "typeorm";
import { draftModel, type DraftStatus } from "./grid-model";
import { currentTerm, loadWeek } from "./store/week";

/** The current term's draft status, or null when no term is current. */
export async function draftStatus(ds: DataSource): Promise<DraftStatus | null> {
  const term = await currentTerm(ds.manager);
  if (!term) return null;
  return draftModel(await loadWeek(ds.manager, term), { by: "all" }).status;
}
