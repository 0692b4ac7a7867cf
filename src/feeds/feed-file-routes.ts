// GET /feeds/<token>.ics: the feed itself, for calendar clients. Anonymous
// (they cannot log in): the token is the key. It needs no session, cookie,
// body parser, page chrome, nor the HTML pages' security headers, and sets the
// one header that matters for it (nosniff) itself, so it can be mounted first
// of all (see README of this folder). Every answer is plain text or ICS and
// never goes to the error page.
import { createHash } from "node:crypto";
import { brotliCompressSync, constants as zlibConstants, gzipSync } from "node:zlib";
import { Router, Request, Response } from "express";
import type { DataSource } from "typeorm";
import { feedCacheFor } from "./feed-cache";
import type { BuiltFeed } from "./build-feed";
import { scope } from "../http";
import { uidDomainFixer } from "./uid-domain";
import { DEFAULT_UID_DOMAIN } from "./feed-input";

// 32 random bytes in base64url are 43 characters.
const TOKEN = /^[A-Za-z0-9_-]{43}$/;

// Private: the URL is a secret, so no shared cache may keep the feed. Clients
// may reuse it for a quarter of an hour, then revalidate with If-None-Match.
export const FEED_CACHE_CONTROL = "private, max-age=900";

// RFC 9110 §13.1.2: If-None-Match uses the weak comparison.
function etagMatches(header: string | undefined, etag: string): boolean {
  if (!header) return false;
  if (header.trim() === "*") return true;
  return header.split(",").some((tag) => tag.trim().replace(/^W\//, "") === etag);
}

function plain(res: Response, status: number, text: string): void {
  res
    .status(status)
    .set({ "Cache-Control": "no-store", "X-Content-Type-Options": "nosniff" })
    .type("text/plain; charset=utf-8")
    .send(`${text}\n`);
}

// If-Modified-Since alone is not trusted: a new holiday changes the feed
// without moving Last-Modified (calendar days carry no timestamp). The ETag,
// a digest of the whole feed, decides.
function send(req: Request, res: Response, feed: BuiltFeed): void {
  const encoding = encodingFor(req.get("Accept-Encoding"));
  const { body, etag } = encoding ? compressed(feed, encoding) : { body: feed.body, etag: feed.etag };
  res.vary("Accept-Encoding");
  if (encoding) res.set("Content-Encoding", encoding);
  res.set({
    ETag: etag,
    "Cache-Control": FEED_CACHE_CONTROL,
    "X-Content-Type-Options": "nosniff",
    "X-Robots-Tag": "noindex, nofollow",
  });
  if (feed.lastModified.getTime() > 0) res.set("Last-Modified", feed.lastModified.toUTCString());
  if (etagMatches(req.get("If-None-Match"), etag) || etagMatches(req.get("If-None-Match"), feed.etag)) {
    res.status(304).end();
    return;
  }
  res.status(200).set({ "Content-Type": "text/calendar; charset=utf-8", "Content-Length": String(body.length) });
  res.end(req.method === "HEAD" ? undefined : body);
}

type Encoding = "br" | "gzip";

// br, else gzip, when the client accepts it (a q=0 refuses); a school feed of ~90 KB packs to a few KB.
export function encodingFor(header: string | undefined): Encoding | null {
  const accepted = new Map(
    (header ?? "").split(",").map((part) => {
      const [name, ...params] = part.trim().toLowerCase().split(";");
      const q = params.map((p) => p.trim()).find((p) => p.startsWith("q="));
      return [name, q ? Number(q.slice(2)) : 1] as const;
    }),
  );
  for (const e of ["br", "gzip"] as const) if ((accepted.get(e) ?? 0) > 0) return e;
  return null;
}

interface Packed {
  body: Buffer;
  etag: string;
}

// Packed once per built feed (the cache keeps the BuiltFeed, so its packed forms with it).
// Each encoding is its own representation (RFC 9110 §8.8.3): its ETag is the hash of its own bytes.
const packed = new WeakMap<BuiltFeed, Partial<Record<Encoding, Packed>>>();
function compressed(feed: BuiltFeed, encoding: Encoding): Packed {
  const forms = packed.get(feed) ?? {};
  packed.set(feed, forms);
  return (forms[encoding] ??= (() => {
    const body =
      encoding === "br"
        ? brotliCompressSync(feed.body, {
            params: {
              [zlibConstants.BROTLI_PARAM_QUALITY]: 9,
              [zlibConstants.BROTLI_PARAM_SIZE_HINT]: feed.body.length,
            },
          })
        : gzipSync(feed.body, { level: 9 });
    return { body, etag: `"${createHash("sha256").update(body).digest("base64url").slice(0, 32)}"` };
  })());
}

export interface ErrorLog {
  error(details: object, message: string): void;
}

/**
 * `logger` is for errors when mounted ahead of pino-http (which otherwise gives req.log).
 * `uidDomain` is the UID domain the first feed served fixes for good (uid-domain.ts).
 */
export function feedFileRoutes(ds: DataSource, logger: ErrorLog = console, uidDomain = DEFAULT_UID_DOMAIN): Router {
  const router = Router();
  const cache = feedCacheFor(ds);
  const fixUidDomain = uidDomainFixer(ds, uidDomain);
  router.get(
    "/feeds/:token.ics",
    scope.public("calendar clients fetch without a session: the token in the URL is the key"),
    async (req, res) => {
      if (!TOKEN.test(req.params.token as string)) return plain(res, 404, "Not found");
      try {
        await fixUidDomain();
        const feed = await cache.forToken(req.params.token as string);
        if (feed === null || feed === "no-subject") return plain(res, 404, "Not found");
        if (feed === "no-term") {
          // Between terms: calendar clients keep what they have and try again later.
          res.set("Retry-After", "3600");
          return plain(res, 503, "No term is current");
        }
        send(req, res, feed);
      } catch (err) {
        (req.log ?? logger).error({ err }, "calendar feed failed");
        plain(res, 500, "Internal error");
      }
    },
  );
  return router;
}
