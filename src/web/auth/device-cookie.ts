// "This device has logged in to this account before": a long-lived cookie
// set at each successful login, holding a keyed hash (HMAC with the session
// secret) per account, so it names no account and cannot be forged. A login
// attempt carrying it skips the account's delay (not the address's): a
// classmate who hammers a family's student number cannot lock the family's
// own phone out, nor can anyone lock out the admin's own computer.
import { createHmac } from "node:crypto";
import type { Request, Response } from "express";

export const DEVICE_COOKIE = "kehou.device";
const MAX_ACCOUNTS = 5;
const YEAR_MS = 365 * 24 * 3600 * 1000;

const tagOf = (secret: string, account: string) => createHmac("sha256", secret).update(`device:${account}`).digest("base64url").slice(0, 22);
const tagsIn = (req: Request): string[] => {
  const raw = req.cookies?.[DEVICE_COOKIE];
  return typeof raw === "string" ? raw.split(".").filter((t) => /^[\w-]{22}$/.test(t)).slice(0, MAX_ACCOUNTS) : [];
};

export function deviceKnows(req: Request, secret: string, account: string): boolean {
  return tagsIn(req).includes(tagOf(secret, account));
}

// A shared family tablet may log in to a few accounts; the newest are kept.
export function rememberDevice(req: Request, res: Response, secret: string, account: string): void {
  const tag = tagOf(secret, account);
  const tags = [tag, ...tagsIn(req).filter((t) => t !== tag)].slice(0, MAX_ACCOUNTS);
  res.cookie(DEVICE_COOKIE, tags.join("."), { httpOnly: true, sameSite: "lax", secure: req.secure, maxAge: YEAR_MS, path: "/" });
}
