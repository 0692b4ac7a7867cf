// From the database to ICS bytes, with the validators HTTP caching needs.
// The feed route and `kehou ical` both come through here.
import type { DataSource } from "typeorm";
import { createHash } from "node:crypto";
import { buildCalendar, eventDigests, type EventStamp } from "./core";
import { stampEvents } from "./event-stamps-store";
import { DEFAULT_LOCALE, translator } from "../http";
import { contextBySubject, Subject, versionOf } from "./context-store";
import { parseContext } from "./feed-context";
import { feedInputOf, NoFeed } from "./feed-input";
import { changedSessionsOfTerm, publishedTimetable } from "../timetable";

export interface BuiltFeed {
  body: Buffer;
  etag: string;
  lastModified: Date;
}

// The ETag is the hash of the bytes: same bytes, same tag, whatever else moved.
const etagOf = (body: Buffer) => `"${createHash("sha256").update(body).digest("base64url").slice(0, 32)}"`;

// HTTP Last-Modified: the newest event's stamp (the epoch for a feed without events).
function newest(stamps: Map<string, EventStamp>): Date {
  let ms = 0;
  for (const s of stamps.values()) ms = Math.max(ms, Date.parse(s.lastModified));
  return new Date(ms);
}

/** The feed of one subject, read fresh (no cache), with the data version it was built from. */
export async function buildFeed(
  ds: DataSource,
  subject: Subject,
): Promise<{ version: string; feed: BuiltFeed | NoFeed }> {
  const row = await contextBySubject(ds, subject);
  const version = versionOf(row);
  // Read after the row: if a publish lands in between, the entries are newer
  // than the version they are stored under, and the next request (which sees
  // the new publish stamps) builds again. Never the other way round.
  const { rows } = await publishedTimetable(ds.manager);
  const ctx = parseContext(row, rows, await changedSessionsOfTerm(ds.manager));
  const input = feedInputOf(ctx, ctx.placed, translator(DEFAULT_LOCALE));
  if (typeof input === "string") return { version, feed: input };
  // Built once to see what each event is made of, then again with each event's kept stamps.
  const stamps = await stampEvents(ds, subject, eventDigests(buildCalendar(input)));
  const body = Buffer.from(
    buildCalendar(input, (uid) => stamps.get(uid)),
    "utf8",
  );
  return { version, feed: { body, etag: etagOf(body), lastModified: newest(stamps) } };
}
