// "This device has logged in to this account, with its current credentials":
// a long-lived cookie set at each successful login, holding a keyed hash (HMAC
// with the session secret) of the account and its sessionVersion, so it names
// no account, cannot be forged, and dies with a password reset, a new family
// code or "log out everywhere" (each moves the version). A login attempt
// carrying it skips the delays (account and address; it still counts): a
// classmate who hammers a family's student number, or anyone on the school's
// shared address, cannot lock the family's own phone or the admin's own
// computer out.
import { createHmac } from "node:crypto";
import type { Request, Response } from "express";
import type { DataSource } from "typeorm";
import { sessionVersionOf as versionOf } from "./store";

export const DEVICE_COOKIE = "kehou.device";
const MAX_ACCOUNTS = 5;
const YEAR_MS = 365 * 24 * 3600 * 1000;

const tagOf = (secret: string, account: string, version: number) =>
  createHmac("sha256", secret).update(`device:${account}:${version}`).digest("base64url").slice(0, 22);
const tagsIn = (req: Request): string[] => {
  const raw: unknown = req.cookies?.[DEVICE_COOKIE];
  return typeof raw === "string"
    ? raw
        .split(".")
        .filter((t) => /^[\w-]{22}$/.test(t))
        .slice(0, MAX_ACCOUNTS)
    : [];
};

// The account's sessionVersion, by the name it logs in with (null: no such account).

export async function deviceKnows(ds: DataSource, req: Request, secret: string, account: string): Promise<boolean> {
  const tags = tagsIn(req);
  if (tags.length === 0) return false; // most attempts: no read at all
  const version = await versionOf(ds, account);
  return version !== null && tags.includes(tagOf(secret, account, version));
}

// A shared family tablet may log in to a few accounts; the newest are kept.
export function rememberDevice(req: Request, res: Response, secret: string, account: string, version: number): void {
  const tag = tagOf(secret, account, version);
  const tags = [tag, ...tagsIn(req).filter((t) => t !== tag)].slice(0, MAX_ACCOUNTS);
  res.cookie(DEVICE_COOKIE, tags.join("."), {
    httpOnly: true,
    sameSite: "lax",
    secure: req.secure,
    maxAge: YEAR_MS,
    path: "/",
  });
}
