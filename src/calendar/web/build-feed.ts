// From the database to ICS bytes, with the validators HTTP caching needs.
// The feed route and `kehou ical` both come through here.
import type { DataSource } from "typeorm";
import { buildCalendar, feedVersion } from "..";
import { DEFAULT_LOCALE, translator } from "../../web/i18n";
import { contextBySubject, Subject, versionOf } from "./context-query";
import { parseContext } from "./feed-context";
import { feedInputOf, NoFeed } from "./feed-input";
import { changedSessionsOfTerm, publishedTimetable } from "../../timetable";

export interface BuiltFeed {
  body: Buffer;
  etag: string;
  lastModified: Date;
}

/** The feed of one subject, read fresh (no cache), with the data version it was built from. */
export async function buildFeed(ds: DataSource, subject: Subject): Promise<{ version: string; feed: BuiltFeed | NoFeed }> {
  const row = await contextBySubject(ds, subject);
  const version = versionOf(row);
  // Read after the row: if a publish lands in between, the entries are newer
  // than the version they are stored under, and the next request (which sees
  // the new publish stamps) builds again. Never the other way round.
  const { rows } = await publishedTimetable(ds.manager);
  const ctx = parseContext(row, rows, await changedSessionsOfTerm(ds.manager));
  const input = feedInputOf(ctx, ctx.placed, translator(DEFAULT_LOCALE));
  if (typeof input === "string") return { version, feed: input };
  const { etag, lastModified } = feedVersion(input);
  return { version, feed: { body: Buffer.from(buildCalendar(input), "utf8"), etag, lastModified } };
}
