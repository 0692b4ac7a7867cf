// The ranking form as posted (by a family, or by staff typing a paper reply):
// one <select> per rank (rank1 … rankN), weekday checkboxes, clubs per week,
// the sibling box and the version the form was rendered from. Read once, by
// one schema: the values saved and the values shown again on an error agree.
import { z } from "zod";
import { fieldErrors, ID_PATTERN, isId, type FieldErrors } from "../http";
import type { RankEntry } from "./core";
import type { RankingForm } from "./ranking-page";

const clubId = z.string().trim().regex(ID_PATTERN, "choices.validation.swap").transform(Number);
const weekday = z
  .string()
  .regex(/^[1-5]$/, "choices.validation.weekdays")
  .transform(Number);

const FIELDS = {
  version: z.string().trim().regex(ID_PATTERN, "validation.invalid_format").transform(Number).optional().default(0),
  weekdays: z
    .union([weekday, z.array(weekday)], { message: "choices.validation.weekdays" })
    .optional()
    .transform((v) => (v === undefined ? [] : [...new Set(Array.isArray(v) ? v : [v])].sort((a, b) => a - b))),
  maxClubs: z
    .string()
    .trim()
    .regex(/^\d{1,2}$/, "validation.invalid_format")
    .transform(Number)
    .optional()
    .default(1),
  // A checkbox posts its value ("1" here) or, without one, a browser's "on".
  placeWithSiblings: z
    .string()
    .optional()
    .transform((v) => v === "1" || v === "on"),
  // Held clubs the family would give up for a club at the same hour (a top-up, issue 18).
  swap: z
    .union([clubId, z.array(clubId)], { message: "choices.validation.swap" })
    .optional()
    .transform((v) => (v === undefined ? [] : [...new Set(Array.isArray(v) ? v : [v])].sort((a, b) => a - b))),
};
const base = z.object(FIELDS);
type Fields = z.infer<typeof base>;
const DEFAULTS: Fields = { version: 0, weekdays: [], maxClubs: 1, placeWithSiblings: false, swap: [] };

export interface PreferenceInput {
  version: number;
  weekdays: number[];
  ranks: RankEntry[];
  maxClubs: number;
  placeWithSiblings: boolean;
  swap?: number[];
}

// Ranks in order, blanks dropped: a family that leaves rank 2 empty and fills rank 3 means "second".
export function ranksOf(body: Record<string, unknown>): RankEntry[] {
  return Object.entries(body)
    .map(([key, value]) => ({ key, n: /^rank(\d{1,2})$/.exec(key)?.[1], value }))
    .filter(
      (e): e is { key: string; n: string; value: unknown } =>
        e.n !== undefined && !(typeof e.value === "string" && e.value.trim() === ""),
    )
    .sort((a, b) => Number(a.n) - Number(b.n))
    .map((e) => ({
      field: e.key,
      clubId: typeof e.value === "string" && isId(e.value.trim()) ? Number(e.value) : null,
    }));
}

// After a refused parse: each field as the same schema reads it alone, its default where it fails.
function fieldByField(body: Record<string, unknown>): Fields {
  const out: Record<string, unknown> = { ...DEFAULTS };
  for (const [name, schema] of Object.entries(FIELDS)) {
    const one = schema.safeParse(body[name]);
    if (one.success) out[name] = one.data;
  }
  return out as Fields;
}

export type ParsedPreferenceForm =
  { ok: true; data: PreferenceInput; posted: RankingForm } | { ok: false; errors: FieldErrors; posted: RankingForm };

/** A posted rank as the refused form shows it again (the view selects the club whose id it spells): the text
 * sent, a JSON number's digits, an array's values joined as String() joins them; "" for nothing or an object. */
function shownRank(value: unknown): string {
  if (typeof value === "string") return value;
  if (typeof value === "number" || typeof value === "boolean") return String(value);
  if (Array.isArray(value)) return value.map(shownRank).join(",");
  return "";
}

/** The posted form: what to save (or the fields' errors, 400), and `posted`, the values the form shows again if it is refused. */
export function parsePreferenceForm(raw: unknown, maxChoices: number): ParsedPreferenceForm {
  const body = (typeof raw === "object" && raw !== null ? raw : {}) as Record<string, unknown>;
  const parsed = base.safeParse(body);
  const fields = parsed.success ? parsed.data : fieldByField(body);
  const posted: RankingForm = {
    ...fields,
    ranks: Array.from({ length: maxChoices }, (_, i) => shownRank(body[`rank${i + 1}`])),
  };
  if (!parsed.success) return { ok: false, errors: fieldErrors(parsed.error), posted };
  return { ok: true, data: { ...parsed.data, ranks: ranksOf(body) }, posted };
}
