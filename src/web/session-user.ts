// What a session remembers about who is logged in.
import type { StaffRole } from "../db/entities/staff";
import type { Locale } from "./i18n";

export type SessionUser =
  | { kind: "staff"; id: number; role: StaffRole; name: string }
  | { kind: "family"; id: number; name: string; studentId: number };

declare module "express-session" {
  interface SessionData {
    user?: SessionUser;
    locale?: Locale;
    privacyOk?: boolean;
    flash?: { kind: "ok" | "error"; key: string; params?: Record<string, unknown> };
  }
}
