// Built feeds kept in memory. Building a feed takes milliseconds (a whole
// school's, about a second), and calendar clients poll all day, so:
// 1. per subject, the built ICS is kept with the data version it was built
//    from (context-store.ts: one query over everything the feed reads);
// 2. per token, the subject and version found are kept with the database's
//    change stamp (change-stamp.ts): while nothing at all has been written,
//    a request needs neither the token lookup nor the version query (unless
//    the school's day has changed: a club's head count is taken on it).
// Both keys come from the database, never from a counter in this process, so
// several app instances stay right: each re-checks when anyone writes, and
// rebuilds when what a feed reads has changed.
import type { DataSource } from "typeorm";
import { contextByToken, Subject, subjectOfRow, versionOf } from "./context-store";
import { buildFeed, BuiltFeed } from "./build-feed";
import { changeStamp } from "../db";
import type { NoFeed } from "./feed-input";
import { schoolToday } from "../kernel";

type Result = BuiltFeed | NoFeed;

interface Entry {
  version: string;
  feed: BuiltFeed;
  bytes: number;
}
interface Seen {
  stamp: string;
  today: string;
  subjectKey: string;
  version: string;
}

// About 5,000 teacher or child feeds; the least recently used go first.
const DEFAULT_MAX_BYTES = 48 * 1024 * 1024;
const MAX_TOKENS = 20_000;

const keyOf = (s: Subject) => `${s.kind}:${s.id}`;

// Map order is age order: re-inserting marks an entry as just used.
function touch<K, V>(map: Map<K, V>, key: K, value: V): void {
  map.delete(key);
  map.set(key, value);
}

export class FeedCache {
  private readonly feeds = new Map<string, Entry>();
  private readonly tokens = new Map<string, Seen>();
  private readonly building = new Map<string, Promise<Result>>();
  private bytes = 0;

  constructor(
    private readonly ds: DataSource,
    private readonly maxBytes = DEFAULT_MAX_BYTES,
  ) {}

  /** The feed behind a live token; null when the token is unknown or revoked. */
  async forToken(token: string): Promise<Result | null> {
    const [stamp, today] = [await changeStamp(this.ds), await schoolToday(this.ds)];
    const seen = this.tokens.get(token);
    if (stamp !== null && seen?.stamp === stamp && seen.today === today) {
      const entry = this.feeds.get(seen.subjectKey);
      if (entry?.version === seen.version) {
        touch(this.feeds, seen.subjectKey, entry);
        return entry.feed;
      }
    }
    const row = await contextByToken(this.ds, token, today);
    if (!row) {
      this.tokens.delete(token);
      return null;
    }
    const subject = subjectOfRow(row);
    const version = versionOf(row);
    const feed = await this.forSubject(subject, version);
    if (stamp !== null && typeof feed !== "string") {
      touch(this.tokens, token, { stamp, today, subjectKey: keyOf(subject), version });
      if (this.tokens.size > MAX_TOKENS) this.tokens.delete(this.tokens.keys().next().value!);
    }
    return feed;
  }

  /** The feed of `subject` at data version `version` (as just read from the database). */
  forSubject(subject: Subject, version: string): Promise<Result> {
    const key = keyOf(subject);
    const hit = this.feeds.get(key);
    if (hit?.version === version) {
      touch(this.feeds, key, hit);
      return Promise.resolve(hit.feed);
    }
    // Many calendar clients poll at once after a change: build once for all of them.
    const pendingKey = `${key}\u0000${version}`;
    let pending = this.building.get(pendingKey);
    if (!pending) {
      pending = this.build(key, subject).finally(() => this.building.delete(pendingKey));
      this.building.set(pendingKey, pending);
    }
    return pending;
  }

  private async build(key: string, subject: Subject): Promise<Result> {
    // The build reads the data again: it is stored under the version of what it read, which may be newer still.
    const { version, feed } = await buildFeed(this.ds, subject);
    if (typeof feed !== "string") this.store(key, { version, feed, bytes: feed.body.length });
    return feed;
  }

  private store(key: string, entry: Entry): void {
    const old = this.feeds.get(key);
    if (old) this.bytes -= old.bytes;
    touch(this.feeds, key, entry);
    this.bytes += entry.bytes;
    for (const [oldest, e] of this.feeds) {
      if (this.bytes <= this.maxBytes || oldest === key) break;
      this.feeds.delete(oldest);
      this.bytes -= e.bytes;
    }
  }
}

const caches = new WeakMap<DataSource, FeedCache>();

/** One cache per database connection, shared by every router built on it. */
export function feedCacheFor(ds: DataSource): FeedCache {
  let cache = caches.get(ds);
  if (!cache) caches.set(ds, (cache = new FeedCache(ds)));
  return cache;
}
