// One server per SQLite file. SQLite has one writer at a time: a second server
// on the same file waits on the lock during the other's long writes and then
// fails with "database is locked". A lock file beside the database (with the
// owner's pid) makes the second server refuse to start instead. Only servers
// take it: the `kehou` commands (backup, create-admin, ical) run beside a
// server as the README promises. A lock whose pid is dead is taken over.
import { openSync, writeSync, closeSync, readFileSync, unlinkSync, realpathSync } from "node:fs";
import { dbKind, sqlitePath } from "./data-source";

export class ServerLockHeld extends Error {}

function alive(pid: number): boolean {
  if (!Number.isInteger(pid) || pid <= 0) return false;
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    // EPERM: the process exists but belongs to someone else.
    return (err as NodeJS.ErrnoException).code === "EPERM";
  }
}

function create(lockFile: string): boolean {
  try {
    const fd = openSync(lockFile, "wx", 0o644);
    writeSync(fd, `${process.pid}\n`);
    closeSync(fd);
    return true;
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === "EEXIST") return false;
    throw err;
  }
}

const holder = (lockFile: string): number => {
  try {
    return Number.parseInt(readFileSync(lockFile, "utf8").trim(), 10);
  } catch {
    return NaN;
  }
};

/** Takes the lock for a SQLite DATABASE_URL (PostgreSQL needs none); released when the process exits. */
export function takeServerLock(databaseUrl: string): void {
  if (dbKind(databaseUrl) !== "sqlite") return;
  const file = sqlitePath(databaseUrl);
  if (file === ":memory:") return;
  // One file reached by two paths (a symlink, a bind mount's other name) is one lock.
  const lockFile = `${realFile(file)}.lock`;
  if (!create(lockFile)) {
    const pid = holder(lockFile);
    if (alive(pid) && pid !== process.pid) {
      throw new ServerLockHeld(
        `another Kehou server (pid ${pid}) already serves ${file}. SQLite serves one server at a time; ` +
          `to run several instances use PostgreSQL (DATABASE_URL=postgres://…, see the README). ` +
          `If no server runs, delete ${lockFile}.`,
      );
    }
    // Left by a server that died (SIGKILL, power loss): take it over.
    try {
      unlinkSync(lockFile);
    } catch {
      /* another starter removed it first */
    }
    if (!create(lockFile))
      throw new ServerLockHeld(
        `another Kehou server is starting on ${file}; to run several instances use PostgreSQL (see the README).`,
      );
  }
  process.once("exit", () => {
    try {
      if (holder(lockFile) === process.pid) unlinkSync(lockFile);
    } catch {
      /* already gone */
    }
  });
}

function realFile(file: string): string {
  try {
    return realpathSync(file);
  } catch {
    return file; // not made yet: this server creates it under this name
  }
}
