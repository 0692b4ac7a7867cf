// ETag and Last-Modified for a feed, from its data alone: calendar clients
// poll every few hours and should get 304 until the timetable really changes.
import { createHash } from "node:crypto";
import { type NormalizedFeed, normalizeFeed } from "./normalize-feed";
import type { FeedInput, FeedVersion } from "./types";

// Raise when buildCalendar's output changes for the same input (new property,
// library upgrade …) so caches drop the old bytes.
export const FEED_FORMAT_VERSION = 1;

/** The normalized feed as JSON with a fixed key order (normalizeFeed builds every object field by field). */
export function canonicalFeedJson(feed: NormalizedFeed): string {
  return JSON.stringify({ format: FEED_FORMAT_VERSION, feed });
}

function latest(instants: string[]): Date {
  const ms = instants.reduce((max, iso) => Math.max(max, Date.parse(iso)), 0);
  // HTTP dates carry whole seconds; round down so If-Modified-Since compares equal.
  return new Date(Math.floor(ms / 1000) * 1000);
}

export function feedVersion(input: FeedInput): FeedVersion {
  const feed = normalizeFeed(input);
  const digest = createHash("sha256").update(canonicalFeedJson(feed)).digest("base64url");
  const instants = feed.sessions.map((s) => s.lastModified);
  if (feed.term.lastModified) instants.push(feed.term.lastModified);
  return { etag: `"${digest.slice(0, 32)}"`, lastModified: latest(instants) };
}
