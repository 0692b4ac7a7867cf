// The club form's choices and values (a saved club, or what was just posted).
import type { DataSource } from "typeorm";
import { type Club, CLUB_CATEGORIES } from "../db";
import { codeFromName } from "./core";
import { clubsOfTerm, staffAndVenues } from "./store";

export type ClubValues = Record<string, string | string[]>;

export async function clubChoices(ds: DataSource, club: Club | null) {
  const [staff, venues] = await staffAndVenues(ds);
  return {
    categories: CLUB_CATEGORIES,
    grades: [1, 2, 3, 4, 5, 6],
    // A disabled account stays selectable only for the club it already leads.
    staff: staff.filter((s) => s.active || s.id === club?.staffId),
    venues,
  };
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
  };
}

export function postedClub(body: unknown): ClubValues {
  const b = (typeof body === "object" && body !== null ? body : {}) as Record<string, unknown>;
  const text = (k: string) => (typeof b[k] === "string" ? b[k] : "");
  const grades = Array.isArray(b.grades)
    ? b.grades.filter((g): g is string => typeof g === "string")
    : typeof b.grades === "string"
      ? [b.grades]
      : [];
  return {
    code: text("code"),
    name: text("name"),
    category: text("category"),
    description: text("description"),
    grades,
    minSize: text("minSize"),
    maxSize: text("maxSize"),
    staffId: text("staffId"),
    venueId: text("venueId"),
  };
}

/** The code a blank code field would get for this name (the form shows it beside the field). */
export async function codeSuggestion(ds: DataSource, termId: number, name: string, selfId: number | null) {
  const taken = new Set((await clubsOfTerm(ds, termId)).filter((c) => c.id !== selfId).map((c) => c.code));
  return codeFromName(name, taken);
}
