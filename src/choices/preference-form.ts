// The ranking form as posted (by a family, or by staff typing a paper reply):
// one <select> per rank (rank1 … rankN), weekday checkboxes, clubs per week,
// the sibling box and the version the form was rendered from.
import { z } from "zod";
import type { FieldErrors } from "../http/form-kit";
import { formErrors } from "./form-errors";
import type { RankEntry } from "./core/preference-rules";

const digits = (max: number) => z.string().trim().regex(new RegExp(`^\\d{1,${max}}$`), "validation.invalid_format").transform(Number);
const clubId = z.string().trim().regex(/^\d{1,9}$/, "choices.validation.swap").transform(Number);
const weekday = z.string().regex(/^[1-5]$/, "choices.validation.weekdays").transform(Number);

const base = z.object({
  version: digits(9).optional().default(0),
  weekdays: z.union([weekday, z.array(weekday)], { message: "choices.validation.weekdays" }).optional()
    .transform((v) => (v === undefined ? [] : [...new Set(Array.isArray(v) ? v : [v])].sort((a, b) => a - b))),
  maxClubs: digits(2).optional().default(1),
  placeWithSiblings: z.string().optional().transform((v) => v === "1" || v === "on"),
  // Held clubs the family would give up for a club at the same hour (a top-up, issue 18).
  swap: z.union([clubId, z.array(clubId)], { message: "choices.validation.swap" }).optional()
    .transform((v) => (v === undefined ? [] : [...new Set(Array.isArray(v) ? v : [v])].sort((a, b) => a - b))),
});

export interface PreferenceInput { version: number; weekdays: number[]; ranks: RankEntry[]; maxClubs: number; placeWithSiblings: boolean; swap?: number[] }

// Ranks in order, blanks dropped: a family that leaves rank 2 empty and fills rank 3 means "second".
export function ranksOf(body: Record<string, unknown>): RankEntry[] {
  return Object.entries(body)
    .map(([key, value]) => ({ key, n: /^rank(\d{1,2})$/.exec(key)?.[1], value }))
    .filter((e): e is { key: string; n: string; value: unknown } => e.n !== undefined && !(typeof e.value === "string" && e.value.trim() === ""))
    .sort((a, b) => Number(a.n) - Number(b.n))
    .map((e) => ({ field: e.key, clubId: typeof e.value === "string" && /^\d{1,9}$/.test(e.value.trim()) ? Number(e.value) : null }));
}

export function parsePreferenceForm(raw: unknown): { ok: true; data: PreferenceInput } | { ok: false; errors: FieldErrors } {
  const body = (typeof raw === "object" && raw !== null ? raw : {}) as Record<string, unknown>;
  const parsed = base.safeParse(body);
  if (!parsed.success) return { ok: false, errors: formErrors(parsed.error) };
  return { ok: true, data: { ...parsed.data, ranks: ranksOf(body) } };
}

/** The child id a family's form names (hidden field), or null when missing or malformed. */
export function studentIdOf(raw: unknown): number | null {
  const v = (raw as Record<string, unknown> | null)?.studentId;
  return typeof v === "string" && /^\d{1,9}$/.test(v) ? Number(v) : null;
}
