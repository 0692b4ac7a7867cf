// Starting a signed-in session, the one way: a fresh session id (defeats
// session fixation), the account's session version and the role's lifetime
// (http/auth/session-lifetimes.ts), so the per-request check (http/session-check.ts)
// accepts it. Login and first-run setup both sign people in through here.
import type { Request } from "express";
import type { DataSource } from "typeorm";
import { lifetimeSettings } from "./store";
import { isLocale, lifetimeFor, lifetimeRole, type Locale, type SessionUser } from "../http";

function regenerate(req: Request): Promise<void> {
  return new Promise((resolve, reject) =>
    req.session.regenerate((err: Error | null | undefined) => (err ? reject(err) : resolve())),
  );
}

/** `user` must carry the account's current sessionVersion as `version`, or the first request ends it. */
export async function signIn(
  ds: DataSource,
  req: Request,
  user: SessionUser,
  accountLocale?: string | null,
): Promise<void> {
  const life = lifetimeFor(lifetimeRole(user), await lifetimeSettings(ds));
  const locale: Locale | undefined = req.session.locale;
  await regenerate(req);
  req.session.user = { ...user, idleMs: life.idleMs, until: Date.now() + life.absoluteMs };
  // The browser keeps the cookie to the absolute end; the store ends it sooner when idle.
  req.session.cookie.maxAge = life.absoluteMs;
  req.session.locale = isLocale(accountLocale) ? accountLocale : locale;
}
