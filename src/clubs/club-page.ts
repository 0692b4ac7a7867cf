// The club form's choices and values (a saved club, or what was just posted).
import type { DataSource } from "typeorm";
import { type Club, CLUB_CATEGORIES } from "../db";
import { VENUE_KINDS } from "../school/core";
import { codeFromName } from "./core";
import { clubsOfTerm, staffAndVenues, staffById } from "./store";

export type ClubValues = Record<string, string | string[]>;

export async function clubChoices(ds: DataSource, club: Club | null) {
  const [staff, venues] = await staffAndVenues(ds);
  return {
    categories: CLUB_CATEGORIES,
    grades: [1, 2, 3, 4, 5, 6],
    // A disabled account stays selectable only for the club it already leads.
    staff: staff.filter((s) => s.active || s.id === club?.staffId),
    // Eligible staff: the active ones, and disabled ones the club already lists.
    eligible: staff.filter((s) => s.active || club?.eligibleStaffIds.includes(s.id)),
    venues,
    venueKinds: VENUE_KINDS,
    sessions: [1, 2, 3, 4, 5],
  };
}

/** The leader's name, for the notice that they were added to the eligible staff. */
export async function leaderName(ds: DataSource, club: Club): Promise<string> {
  return club.staffId === null ? "" : ((await staffById(ds.manager, club.staffId))?.name ?? "");
}

export function clubValues(c: Club): ClubValues {
  return {
    code: c.code,
    name: c.name,
    category: c.category,
    description: c.description,
    grades: c.grades.map(String),
    minSize: String(c.minSize),
    maxSize: String(c.maxSize),
    staffId: c.staffId === null ? "" : String(c.staffId),
    venueId: c.venueId === null ? "" : String(c.venueId),
    eligibleStaffIds: c.eligibleStaffIds.map(String),
    sessionsPerWeek: String(c.sessionsPerWeek),
    venueKind: c.venueKind ?? "",
  };
}

export function postedClub(body: unknown): ClubValues {
  const b = (typeof body === "object" && body !== null ? body : {}) as Record<string, unknown>;
  const text = (k: string) => (typeof b[k] === "string" ? b[k] : "");
  const list = (k: string) =>
    Array.isArray(b[k])
      ? (b[k] as unknown[]).filter((g): g is string => typeof g === "string")
      : typeof b[k] === "string"
        ? [b[k]]
        : [];
  return {
    code: text("code"),
    name: text("name"),
    category: text("category"),
    description: text("description"),
    grades: list("grades"),
    minSize: text("minSize"),
    maxSize: text("maxSize"),
    staffId: text("staffId"),
    venueId: text("venueId"),
    eligibleStaffIds: list("eligibleStaffIds"),
    sessionsPerWeek: text("sessionsPerWeek"),
    venueKind: text("venueKind"),
  };
}

/** The code a blank code field would get for this name (the form shows it beside the field). */
export async function codeSuggestion(ds: DataSource, termId: number, name: string, selfId: number | null) {
  const taken = new Set((await clubsOfTerm(ds, termId)).filter((c) => c.id !== selfId).map((c) => c.code));
  return codeFromName(name, taken);
}
