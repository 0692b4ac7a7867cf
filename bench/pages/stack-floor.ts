// The ceiling the stack itself sets, before any page reads data: Express with
// cookie-parser, express-session on a SQLite table (one prepared statement per
// request, as Kehou's store), helmet, and an EJS template as large as the page
// being compared. Run as a child process by bench/pages/run.ts:
//   node dist/bench/pages/stack-floor.js <port> <sqlite file> <bytes>
// GET /login starts a session; GET / renders the page for a signed-in session.
import express from "express";
import session from "express-session";
import cookieParser from "cookie-parser";
import helmet from "helmet";
import ejs from "ejs";
import Database from "better-sqlite3";

const [port, file, bytes] = [Number(process.argv[2]), process.argv[3], Number(process.argv[4] ?? 4000)];
const db = new Database(file);
db.exec(
  `CREATE TABLE IF NOT EXISTS floor_session ("sid" TEXT PRIMARY KEY, "data" TEXT NOT NULL, "expiresAt" TEXT NOT NULL)`,
);
const read = db.prepare(`SELECT "data", "expiresAt" FROM "floor_session" WHERE "sid" = ?`);
const write = db.prepare(
  `INSERT INTO "floor_session" ("sid", "data", "expiresAt") VALUES (?, ?, ?) ON CONFLICT ("sid") DO UPDATE SET "data" = excluded."data", "expiresAt" = excluded."expiresAt"`,
);

class FloorStore extends session.Store {
  get(sid: string, cb: (err: unknown, s?: session.SessionData | null) => void): void {
    const row = read.get(sid) as { data: string } | undefined;
    cb(null, row ? (JSON.parse(row.data) as session.SessionData) : null);
  }
  set(sid: string, s: session.SessionData, cb?: (err?: unknown) => void): void {
    write.run(sid, JSON.stringify(s), new Date(Date.now() + 86_400_000).toISOString());
    cb?.();
  }
  touch(_sid: string, _s: session.SessionData, cb?: () => void): void {
    cb?.();
  }
  destroy(sid: string, cb?: (err?: unknown) => void): void {
    db.prepare(`DELETE FROM "floor_session" WHERE "sid" = ?`).run(sid);
    cb?.();
  }
}

// About `bytes` of markup in lines that each print one escaped value, like a page's cards.
const line = "家长您好，这是孩子本周的课后服务安排。";
const template = ejs.compile(`<!doctype html><html lang="zh-CN"><head><title><%= title %></title></head><body><main>
<% for (let i = 0; i < lines; i++) { %><p class="card"><%= text %> <%= i %></p>
<% } %></main></body></html>`);
const lines = Math.max(1, Math.round(bytes / (Buffer.byteLength(line) + 24)));

const app = express();
app.disable("x-powered-by");
app.use(helmet());
app.use(cookieParser());
app.use(
  session({
    name: "floor.sid",
    secret: "floor-secret-floor-secret",
    store: new FloorStore(),
    resave: false,
    saveUninitialized: false,
  }),
);
app.get("/login", (req, res) => {
  (req.session as unknown as { user: unknown }).user = { kind: "family", id: 1 };
  res.send("ok");
});
app.get("/", (req, res) => {
  if (!(req.session as unknown as { user?: unknown }).user) return void res.status(403).end();
  res.send(template({ title: "课后", text: line, lines }));
});
app.listen(port, "127.0.0.1");
