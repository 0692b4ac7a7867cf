// A near-free answer to "has anything been written to the database since I
// last looked?", so a feed request can skip even the data-version query when
// nothing has. It must see writes from every app instance and from its own
// connection, committed or not:
// - SQLite: PRAGMA data_version moves when another connection (another
//   instance, the CLI, sqlite3 by hand) commits; total_changes() counts this
//   connection's own writes. Inside an open transaction there is no answer.
// - PostgreSQL: the current snapshot (xmin:xmax:in-progress xids) is the same
//   only if no transaction has started writing or committed in between.
// Any write changes the stamp (a session touched, an audit line): the caller
// then re-reads the data version, which decides whether the feed changed.
import type { DataSource } from "typeorm";

interface SqliteConnection {
  inTransaction: boolean;
  prepare(sql: string): { pluck(): { get(): unknown } };
}

const statements = new WeakMap<SqliteConnection, { get(): unknown }>();

function sqliteStamp(db: SqliteConnection): string | null {
  // The feed query may run between another request's BEGIN and ROLLBACK on this shared connection.
  if (db.inTransaction) return null;
  let stmt = statements.get(db);
  if (!stmt)
    statements.set(
      db,
      (stmt = db.prepare("SELECT (SELECT data_version FROM pragma_data_version()) || '.' || total_changes()").pluck()),
    );
  return String(stmt.get());
}

/** The stamp, or null when the database cannot tell (then every request checks the data version). */
export async function changeStamp(ds: DataSource): Promise<string | null> {
  if (ds.options.type === "better-sqlite3") {
    const db = (ds.driver as unknown as { databaseConnection?: SqliteConnection }).databaseConnection;
    return db ? sqliteStamp(db) : null;
  }
  if (ds.options.type === "postgres") {
    const [row] = await ds.query<{ stamp: string }[]>("SELECT pg_current_snapshot()::text AS stamp");
    return row?.stamp ?? null;
  }
  return null;
}
