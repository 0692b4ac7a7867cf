// One SQL statement that reads everything a feed is made of (except the
// published timetable itself, which it stamps, see build-feed.ts): the feed's subject, the current
// term and its special days, periods, venue / staff / class names, class sizes,
// clubs and their members (src/membership), the school's today, and for a child its class, weekday opt-in and the clubs it holds (src/membership). The row is both the
// input of a feed and its data version: the in-memory ICS cache is keyed by it,
// so a change written by any app instance (or by hand) is seen on the next
// request, and what the version covers can never drift from what the feed reads.
import type { DataSource } from "typeorm";
import { dateChangesSql, SCHOOL_ZONE_KEY, schoolToday } from "../kernel";
import { clubMemberSpansSql, clubSpansSql } from "../membership";
import type { FeedKind } from "./entities";

export interface Subject {
  kind: FeedKind;
  id: number;
}

// Columns of the row, in a fixed order.
export const CONTEXT_COLUMNS = [
  "kind",
  "subjectId",
  "termId",
  "termStart",
  "termEnd",
  "settings",
  "days",
  "timetable",
  "periods",
  "venues",
  "staff",
  "classes",
  "classSizes",
  "clubs",
  "members",
  "today",
  "student",
  "enrollment",
  "placed",
  "optIns",
  "cancellations",
  "covers",
] as const;
export type ContextRow = Record<(typeof CONTEXT_COLUMNS)[number], string | number | null>;

// Settings a feed reads: the calendar's name, the school's zone, the UID domain. The zone is
// read in this one statement (not through the kernel's schoolZone) because the row is the
// feed's version: the kernel names the key and turns the value into a zone (zoneOrDefault).
export const FEED_SETTINGS = ["school.name", SCHOOL_ZONE_KEY, "calendar.uidDomain"];

interface Dialect {
  /** A JSON array (as text) of `object` over the rows, in `order`; "[]" when none. */
  list: (object: string, order: string) => string;
  /** A JSON object value. */
  object: (pairs: Record<string, string>) => string;
  /** A JSON value as text. */
  text: (json: string) => string;
  param: (n: number) => string;
}

const pairsOf = (pairs: Record<string, string>) =>
  Object.entries(pairs)
    .map(([k, v]) => `'${k}', ${v}`)
    .join(", ");

// SQLite ≥ 3.44 (bundled with better-sqlite3) takes ORDER BY inside any aggregate.
const sqlite: Dialect = {
  list: (object, order) => `json_group_array(${object} ORDER BY ${order})`,
  object: (pairs) => `json_object(${pairsOf(pairs)})`,
  text: (json) => json,
  param: () => "?",
};

const postgres: Dialect = {
  list: (object, order) => `COALESCE(json_agg(${object} ORDER BY ${order})::text, '[]')`,
  object: (pairs) => `json_build_object(${pairsOf(pairs)})`,
  text: (json) => `(${json})::text`,
  param: (n) => `$${n}`,
};

function dialectOf(ds: DataSource): Dialect {
  return ds.options.type === "postgres" ? postgres : sqlite;
}

function contextSql(d: Dialect, source: string): string {
  const changes = dateChangesSql(d.list, d.object, "cur.id");
  const settings = FEED_SETTINGS.map((k) => `'${k}'`).join(", ");
  return `WITH cur AS (SELECT id, "startDate", "endDate" FROM term WHERE "current" = true ORDER BY id DESC LIMIT 1)
SELECT s.kind AS kind, s."subjectId" AS "subjectId", cur.id AS "termId", cur."startDate" AS "termStart", cur."endDate" AS "termEnd",
  (SELECT ${d.list(d.object({ key: `"key"`, value: `"value"` }), `"key"`)} FROM setting WHERE "key" IN (${settings})) AS settings,
  (SELECT ${d.list(d.object({ date: "date", kind: "kind", runsWeekday: `"runsWeekday"`, name: "name" }), "date")} FROM calendar_day WHERE "termId" = cur.id) AS days,
  -- Publishing stamps publishedAt and updatedAt: they stand for the snapshot in the version.
  (SELECT ${d.text(d.object({ publishedAt: `"publishedAt"`, updatedAt: `"updatedAt"` }))} FROM timetable WHERE "termId" = cur.id) AS timetable,
  (SELECT ${d.list(d.object({ id: "id", start: `"startTime"`, end: `"endTime"` }), "id")} FROM period WHERE "termId" = cur.id) AS periods,
  (SELECT ${d.list(d.object({ id: "id", name: "name" }), "id")} FROM venue) AS venues,
  (SELECT ${d.list(d.object({ id: "id", name: "name", active: `CASE WHEN "active" THEN 1 ELSE 0 END` }), "id")} FROM staff) AS staff,
  (SELECT ${d.list(d.object({ id: "id", grade: "grade", name: "name" }), "id")} FROM school_class) AS classes,
  (SELECT ${d.list(d.object({ classId: `"classId"`, size: "n" }), `"classId"`)}
     FROM (SELECT "classId", COUNT(*) AS n FROM student WHERE archived = false GROUP BY "classId") sizes) AS "classSizes",
  (SELECT ${d.list(d.object({ id: "id", name: "name", maxSize: `"maxSize"` }), "id")} FROM club WHERE "termId" = cur.id) AS clubs,
  -- Every seat of the term, as the ledger dates it: a club's head count is its members on the school's today.
  ${clubMemberSpansSql(d.list, d.object, "cur.id")} AS members,
  (SELECT ${d.text(d.object({ id: "st.id", name: "st.name", classId: `st."classId"`, grade: "sc.grade" }))}
     FROM student st JOIN school_class sc ON sc.id = st."classId"
     WHERE s.kind = 'student' AND st.id = s."subjectId" AND st.archived = false) AS student,
  (SELECT e.weekdays FROM service_enrollment e WHERE s.kind = 'student' AND e."studentId" = s."subjectId" AND e."termId" = cur.id) AS enrollment,
  -- The child's memberships in the current term, every published round's, dated as the ledger has them
  -- (withdrawals and accepted offers end or begin its rows, so they are in the version too).
  CASE WHEN s.kind = 'student' THEN ${clubSpansSql(d.list, d.object, `s."subjectId"`, "cur.id")} END AS placed,
  -- Head counts: the children of each class opted in, by their set of weekdays (the register's rule).
  (SELECT ${d.list(d.object({ classId: `"classId"`, weekdays: "weekdays", size: "n" }), `"classId", weekdays`)}
     FROM (SELECT st."classId" AS "classId", e.weekdays AS weekdays, COUNT(*) AS n FROM student st
           JOIN service_enrollment e ON e."studentId" = st.id AND e."termId" = cur.id
           WHERE st.archived = false GROUP BY st."classId", e.weekdays) o) AS "optIns",
  -- The term's cancelled sessions and days and its covers (代课), as the kernel holds them: in the
  -- version only; the feed reads them through the timetable's sessionsOn (build-feed.ts), as every register does.
  ${changes.cancellations} AS cancellations,
  ${changes.covers} AS covers
FROM ${source} LEFT JOIN cur ON 1 = 1`;
}

// The school's today (from the kernel's clock) clamped into the term is part of the row: a
// club's head count is taken on it, so a new day with another count is a new version. Clamped,
// so that between terms the version stays put.
function withToday(row: ContextRow | undefined, today: string): ContextRow | undefined {
  if (!row) return row;
  const [start, end] = [row.termStart, row.termEnd];
  const day =
    row.termId === null ? null : today < String(start) ? String(start) : today > String(end) ? String(end) : today;
  return { ...row, today: day };
}

/** The context of the feed behind a live token on the school's `today` (read from the kernel when not given); null when the token is unknown or revoked. */
export async function contextByToken(ds: DataSource, token: string, today?: string): Promise<ContextRow | null> {
  const d = dialectOf(ds);
  const source = `(SELECT kind, "subjectId" FROM feed_token WHERE token = ${d.param(1)} AND "revokedAt" IS NULL) s`;
  const rows: ContextRow[] = await ds.query(contextSql(d, source), [token]);
  return withToday(rows[0], today ?? (await schoolToday(ds))) ?? null;
}

/** The context of one feed named directly (the CLI, and a cache miss) on the school's `today` (read from the kernel when not given). */
export async function contextBySubject(ds: DataSource, subject: Subject, today?: string): Promise<ContextRow> {
  const d = dialectOf(ds);
  const source = `(SELECT CAST(${d.param(1)} AS varchar(10)) AS kind, CAST(${d.param(2)} AS integer) AS "subjectId") s`;
  const rows: ContextRow[] = await ds.query(contextSql(d, source), [subject.kind, subject.id]);
  return withToday(rows[0], today ?? (await schoolToday(ds)))!;
}

export function subjectOfRow(row: ContextRow): Subject {
  return { kind: row.kind as FeedKind, id: Number(row.subjectId) };
}

/** The data version of a feed: the whole row (the timetable's publish stamps stand for its snapshot). */
export function versionOf(row: ContextRow): string {
  return CONTEXT_COLUMNS.map((c) => (row[c] === null ? "" : String(row[c]))).join("\u0001");
}
