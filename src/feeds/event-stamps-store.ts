// Keeps each event's SEQUENCE and LAST-MODIFIED per feed and UID (FeedEventStamp):
// an event whose digest moved gets the next sequence and a newer stamp; the
// others keep theirs. Stamps are whole seconds (ICS prints no more) and a bump
// is at least a second after the old stamp, so "newer" always holds for ICSx⁵.
import type { DataSource } from "typeorm";
import { schoolNow } from "../kernel";
import type { EventStamp } from "./core";
import type { Subject } from "./context-store";
import { FeedEventStamp } from "./entities";

const feedKey = (s: Subject) => `${s.kind}:${s.id}`;
const wholeSeconds = (ms: number) => new Date(Math.floor(ms / 1000) * 1000).toISOString();

function nextStamp(previous: string | null): string {
  const now = Math.floor(schoolNow().getTime() / 1000) * 1000;
  return wholeSeconds(previous === null ? now : Math.max(now, Date.parse(previous) + 1000));
}

// No transaction of its own: a feed is read on every calendar poll, often while
// something else is being written, and must never wait for (or queue behind)
// that write. Each row stands alone: a build cut short leaves rows that the next
// build simply finds up to date or bumps again.
async function stampOnce(ds: DataSource, feed: string, digests: Map<string, string>): Promise<Map<string, EventStamp>> {
  const repo = ds.getRepository(FeedEventStamp);
  const known = new Map((await repo.findBy({ feed })).map((r) => [r.uid, r]));
  const out = new Map<string, EventStamp>();
  const fresh: Omit<FeedEventStamp, "id">[] = [];
  for (const [uid, digest] of digests) {
    const row = known.get(uid);
    if (!row) {
      const stampedAt = nextStamp(null);
      fresh.push({ feed, uid, digest, sequence: 0, stampedAt });
      out.set(uid, { sequence: 0, lastModified: stampedAt });
    } else if (row.digest !== digest) {
      const [sequence, stampedAt] = [row.sequence + 1, nextStamp(row.stampedAt)];
      await repo.update({ id: row.id }, { digest, sequence, stampedAt });
      out.set(uid, { sequence, lastModified: stampedAt });
    } else {
      out.set(uid, { sequence: row.sequence, lastModified: row.stampedAt });
    }
  }
  for (let i = 0; i < fresh.length; i += 100) await repo.insert(fresh.slice(i, i + 100));
  return out;
}

/** The stamps of a feed's events (UID → digest), bumping those whose digest moved. */
export async function stampEvents(
  ds: DataSource,
  subject: Subject,
  digests: Map<string, string>,
): Promise<Map<string, EventStamp>> {
  try {
    return await stampOnce(ds, feedKey(subject), digests);
  } catch (err) {
    // Two builds of one feed at once (two instances): the unique (feed, uid) refused
    // the second's first stamps; the winner's rows are there now.
    return stampOnce(ds, feedKey(subject), digests).catch(() => {
      throw err;
    });
  }
}
