// What a session remembers about who is logged in.
import type { StaffRole } from "../db";
import type { Locale } from "./i18n";

// version: the account's sessionVersion at login (a different one now means
// this session was ended); idleMs / until: its lifetime (http/auth/session-lifetimes.ts),
// until being the absolute end in epoch ms. Sessions from before these
// fields existed lack them and are ended by the per-request check.
interface SessionLife {
  version?: number;
  idleMs?: number;
  until?: number;
}

export type SessionUser =
  | ({ kind: "staff"; id: number; role: StaffRole; name: string } & SessionLife)
  | ({ kind: "family"; id: number; name: string; studentId: number } & SessionLife);

declare module "express-session" {
  interface SessionData {
    user?: SessionUser;
    locale?: Locale;
    privacyOk?: boolean;
    flash?: { kind: "ok" | "error"; key: string; params?: Record<string, unknown> };
  }
}
