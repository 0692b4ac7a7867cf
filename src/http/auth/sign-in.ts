// Starting a signed-in session, the one way: a fresh session id (defeats
// session fixation), the account's session version and the role's lifetime
// (http/auth/session-lifetimes.ts), so the per-request check (http/session-check.ts)
// accepts it. Login and first-run setup both sign people in through here.
import type { Request } from "express";
import { Like, type DataSource } from "typeorm";
import { Setting } from "../../db";
import { isLocale, type Locale } from "../i18n";
import type { SessionUser } from "../session-user";
import { lifetimeFor, lifetimeRole, LIFETIME_SETTING_PREFIX } from "./session-lifetimes";

function regenerate(req: Request): Promise<void> {
  return new Promise((resolve, reject) => req.session.regenerate((err) => (err ? reject(err) : resolve())));
}

// The lifetime settings are read at sign-in only: a session carries its own.
async function lifetimeSettings(ds: DataSource): Promise<Map<string, string>> {
  const rows = await ds.getRepository(Setting).findBy({ key: Like(`${LIFETIME_SETTING_PREFIX}%`) });
  return new Map(rows.map((r) => [r.key, r.value]));
}

/** `user` must carry the account's current sessionVersion as `version`, or the first request ends it. */
export async function signIn(ds: DataSource, req: Request, user: SessionUser, accountLocale?: string | null): Promise<void> {
  const life = lifetimeFor(lifetimeRole(user), await lifetimeSettings(ds));
  const locale: Locale | undefined = req.session.locale;
  await regenerate(req);
  req.session.user = { ...user, idleMs: life.idleMs, until: Date.now() + life.absoluteMs };
  // The browser keeps the cookie to the absolute end; the store ends it sooner when idle.
  req.session.cookie.maxAge = life.absoluteMs;
  req.session.locale = isLocale(accountLocale) ? accountLocale : locale;
}
