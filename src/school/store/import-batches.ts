// Uploaded sheets between preview and commit (import_batch).
import { type DataSource, type EntityManager, In, LessThan } from "typeorm";
import { Term } from "../../db";
import { ImportBatch } from "../entities";

type Db = DataSource | EntityManager;

export const batchById = (db: Db, id: number): Promise<ImportBatch | null> =>
  db.getRepository(ImportBatch).findOneBy({ id });

/** The last ten uploads, without their sheets. */
export const recentBatches = (db: Db): Promise<ImportBatch[]> =>
  db.getRepository(ImportBatch).find({
    select: { id: true, kind: true, status: true, filename: true, createdAt: true, committedAt: true, preview: true },
    order: { id: "DESC" },
    take: 10,
  });

/** Drops previews nobody committed that were made before `before`. */
export async function dropStaleBatches(db: Db, before: string): Promise<void> {
  await db.getRepository(ImportBatch).delete({ status: In(["pending", "discarded"]), createdAt: LessThan(before) });
}
export const insertBatch = (db: Db, row: Omit<ImportBatch, "id">): Promise<ImportBatch> =>
  db.getRepository(ImportBatch).save(row);

/** Marks a pending batch committed; false when it was not pending (committed already, or discarded). */
export async function claimBatch(db: Db, id: number, at: string): Promise<boolean> {
  return (
    (await db.getRepository(ImportBatch).update({ id, status: "pending" }, { status: "committed", committedAt: at }))
      .affected === 1
  );
}
/** Keeps only what happened: the rows are in their tables now. */
export async function emptyBatchSheet(db: Db, id: number): Promise<void> {
  await db.getRepository(ImportBatch).update({ id }, { sheet: { headers: [], rows: [] } });
}
export async function discardBatch(db: Db, id: number): Promise<void> {
  await db
    .getRepository(ImportBatch)
    .update({ id, status: "pending" }, { status: "discarded", sheet: { headers: [], rows: [] } });
}

export const currentTermOf = (db: Db): Promise<Term | null> => db.getRepository(Term).findOneBy({ current: true });
export const termExists = (db: Db, id: number): Promise<boolean> => db.getRepository(Term).existsBy({ id });
