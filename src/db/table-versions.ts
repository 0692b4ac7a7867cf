// "Has any of these tables changed?" — a version of a few tables, so a reader that
// depends on them only (the policy run) is kept while other tables are written:
// sessions, audit lines, registers, a family's choices. It must see writes from
// every connection and instance, committed or not, as changeStamp does:
// - SQLite: triggers (migration TableVersions1765980000000) count every insert,
//   update and delete of a table in table_version; one writer at a time, so the
//   counter costs no waiting. Inside an open transaction there is no answer.
// - PostgreSQL: each table's row count and the sum of its rows' versions (xmin):
//   an insert or update writes a row with a newer xmin, a delete lowers the count.
//   No counter row, so concurrent writers never wait for one another.
// Null when the database cannot tell (a table without its triggers): then the
// caller falls back to changeStamp.
import type { DataSource } from "typeorm";

interface SqliteConnection {
  inTransaction: boolean;
}

const IDENT = /^[a-z_]+$/;

export async function tableVersions(ds: DataSource, tables: readonly string[]): Promise<string | null> {
  if (!tables.every((t) => IDENT.test(t))) throw new Error(`not a table name: ${tables.join(", ")}`);
  if (ds.options.type === "better-sqlite3") {
    const db = (ds.driver as unknown as { databaseConnection?: SqliteConnection }).databaseConnection;
    if (!db || db.inTransaction) return null;
    // A table rebuilt by a later migration loses its triggers: then its count would stand still.
    const rows = await ds
      .query<{ name: string; version: number; triggers: number }[]>(
        `SELECT v.name AS name, v.version AS version,
         (SELECT count(*) FROM sqlite_master m WHERE m.type = 'trigger' AND m.tbl_name = v.name AND m.name LIKE 'table_version_%') AS triggers
       FROM table_version v WHERE v.name IN (${tables.map(() => "?").join(", ")}) ORDER BY v.name`,
        [...tables],
      )
      .catch(() => []);
    const complete = rows.length === new Set(tables).size && rows.every((r) => Number(r.triggers) === 3);
    return complete ? rows.map((r) => `${r.name}:${r.version}`).join("|") : null;
  }
  if (ds.options.type === "postgres") {
    const parts = tables.map((t) => `(SELECT count(*) || '.' || coalesce(sum(xmin::text::bigint), 0) FROM "${t}")`);
    const [row] = await ds.query<{ version: string }[]>(`SELECT ${parts.join(" || '|' || ")} AS version`);
    return row?.version ?? null;
  }
  return null;
}
