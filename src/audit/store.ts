// The audit log's table: the one file of this capability that touches the database.
import { type DataSource, type EntityManager, Like } from "typeorm";
import { AuditEntry } from "../db";

export type AuditRow = Omit<AuditEntry, "id">;

/** Adds one line to the log, inside the caller's transaction (em). */
export async function insertAuditEntry(em: EntityManager, row: AuditRow): Promise<void> {
  const entry = em.getRepository(AuditEntry).create(row);
  await em.getRepository(AuditEntry).save(entry);
}

/** One page of the log, newest first, narrowed to actions starting with `action` (LIKE wildcards dropped). */
export async function auditPage(
  ds: DataSource,
  action: string,
  skip: number,
  take: number,
): Promise<{ entries: AuditEntry[]; total: number }> {
  const where = action ? { action: Like(`${action.replace(/[%_\p{Cc}]/gu, "")}%`) } : {};
  const [entries, total] = await ds
    .getRepository(AuditEntry)
    .findAndCount({ where, order: { id: "DESC" }, skip, take });
  return { entries, total };
}
