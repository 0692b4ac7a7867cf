// express-session store on our own table, so sessions survive restarts and
// are shared across app instances. Writes go through the transaction queue.
import session from "express-session";
import { type DataSource, LessThan } from "typeorm";
import { HttpSession, inTransaction } from "../db";
import { sessionExpiry } from "./auth/session-lifetimes";

const DAY_MS = 24 * 3600 * 1000;
// express-session touches an unchanged session after every request; moving
// its expiry by less than this is not worth a write on every page view.
const TOUCH_EVERY_MS = 3600 * 1000;
const REMEMBERED_MAX = 10_000;

export class DbSessionStore extends session.Store {
  constructor(
    private readonly ds: DataSource,
    private readonly ttlMs = 7 * DAY_MS,
  ) {
    super();
  }

  // The expiry each session row had when this instance last read or wrote it,
  // only to skip needless touches (never to answer get(): that reads the row).
  private get readSql(): string {
    return `SELECT "data", "expiresAt" FROM "http_session" WHERE "sid" = ${this.ds.options.type === "postgres" ? "$1" : "?"}`;
  }

  private readonly seenExpiry = new Map<string, number>();

  private remember(sid: string, expiresAt: string): void {
    if (this.seenExpiry.size >= REMEMBERED_MAX) this.seenExpiry.clear();
    this.seenExpiry.set(sid, Date.parse(expiresAt));
  }

  // A logged-in session lives for its role's idle time from now, never past
  // its absolute end; a visitor's (language, CSRF token) as its cookie says.
  private expiry(sess: session.SessionData): string {
    const user = sess.user;
    if (user?.idleMs !== undefined && user.until !== undefined)
      return new Date(sessionExpiry({ idleMs: user.idleMs, until: user.until }, Date.now())).toISOString();
    const expires = sess.cookie?.expires ? new Date(sess.cookie.expires).getTime() : Date.now() + this.ttlMs;
    return new Date(expires).toISOString();
  }

  // Short idle times (an admin's 2 h) need finer touches than an hour.
  private touchEvery(sess: session.SessionData): number {
    const idle = sess.user?.idleMs;
    return idle === undefined ? TOUCH_EVERY_MS : Math.min(TOUCH_EVERY_MS, idle / 12);
  }

  get(sid: string, cb: (err: unknown, session?: session.SessionData | null) => void): void {
    // Every request reads its session: one fixed statement, without building
    // the query through the repository each time.
    this.ds
      .query<{ data: string; expiresAt: string }[]>(this.readSql, [sid])
      .then(([row]) => {
        if (!row || row.expiresAt < new Date().toISOString()) return cb(null, null);
        this.remember(sid, row.expiresAt);
        cb(null, JSON.parse(row.data) as session.SessionData);
      })
      .catch((err) => cb(err));
  }

  set(sid: string, sess: session.SessionData, cb?: (err?: unknown) => void): void {
    const row = { sid, data: JSON.stringify(sess), expiresAt: this.expiry(sess) };
    inTransaction(this.ds, (em) => em.getRepository(HttpSession).upsert(row, ["sid"]))
      .then(() => {
        this.remember(sid, row.expiresAt);
        cb?.();
      })
      .catch((err) => cb?.(err));
  }

  touch(sid: string, sess: session.SessionData, cb?: (err?: unknown) => void): void {
    const expiresAt = this.expiry(sess);
    const seen = this.seenExpiry.get(sid);
    if (seen !== undefined && Date.parse(expiresAt) - seen < this.touchEvery(sess)) return void cb?.();
    inTransaction(this.ds, (em) => em.getRepository(HttpSession).update({ sid }, { expiresAt }))
      .then(() => {
        this.remember(sid, expiresAt);
        cb?.();
      })
      .catch((err) => cb?.(err));
  }

  destroy(sid: string, cb?: (err?: unknown) => void): void {
    this.seenExpiry.delete(sid);
    inTransaction(this.ds, (em) => em.getRepository(HttpSession).delete({ sid }))
      .then(() => cb?.())
      .catch((err) => cb?.(err));
  }

  // Called at start-up and now and then: expired rows are of no use to anyone.
  async prune(): Promise<number> {
    const result = await inTransaction(this.ds, (em) =>
      em.getRepository(HttpSession).delete({ expiresAt: LessThan(new Date().toISOString()) }),
    );
    return result.affected ?? 0;
  }
}
