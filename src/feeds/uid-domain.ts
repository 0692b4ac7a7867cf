// The domain every feed UID ends in. Phones key events by UID, so a new domain
// would duplicate every event on every phone: it is fixed in the
// `calendar.uidDomain` setting the first time a feed is served (PUBLIC_URL's
// host when PUBLIC_URL is set, else kehou.local) and never changed after, not
// even when PUBLIC_URL later moves.
import type { DataSource } from "typeorm";
import { insertUidDomainIfAbsent } from "./store";
import { DEFAULT_UID_DOMAIN } from "./feed-input";

export const UID_DOMAIN_KEY = "calendar.uidDomain";

// Also what the core accepts as a UID domain (src/feeds/core/normalize-feed.ts).
const HOST_NAME = /^[a-z0-9](?:[a-z0-9-]{0,62})(?:\.[a-z0-9](?:[a-z0-9-]{0,62}))*$/;

/** The domain a first feed fixes: PUBLIC_URL's host name (no port) when given and usable, else kehou.local. */
export function uidDomainFrom(publicUrl: string | undefined): string {
  if (!publicUrl) return DEFAULT_UID_DOMAIN;
  try {
    const host = new URL(publicUrl).hostname.toLowerCase();
    return HOST_NAME.test(host) ? host : DEFAULT_UID_DOMAIN;
  } catch {
    return DEFAULT_UID_DOMAIN;
  }
}

/**
 * Stores `domain` unless a domain is stored already. Insert-if-absent, so two
 * first requests (or two instances with different PUBLIC_URLs) leave one value,
 * and every feed built after reads that one from its context row.
 */
export async function fixUidDomain(ds: DataSource, domain: string): Promise<void> {
  await insertUidDomainIfAbsent(ds, UID_DOMAIN_KEY, domain);
}

/** fixUidDomain once per process: after the first success the setting only ever exists. */
export function uidDomainFixer(ds: DataSource, domain: string): () => Promise<void> {
  let done = false;
  return async () => {
    if (done) return;
    await fixUidDomain(ds, domain);
    done = true;
  };
}
