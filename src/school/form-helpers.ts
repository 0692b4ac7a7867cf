// Small helpers every set-up form shares: zod issues → field errors (keys in
// the "school" or "validation" namespaces), ids from the path, search text,
// and the schema pieces (dates, times, weekdays, grades) the forms reuse.
import { z, ZodError } from "zod";
import { HttpError } from "../http/errors";
import type { FieldErrors } from "../http/form-kit";
import { isIsoDate } from "../kernel/core";

export type { FieldErrors };

// Like web/validation's fieldErrors, but a message in this capability's own
// namespace ("school.…") is kept as the key, and an array item's error names
// the array ("availableDays", not "availableDays.1").
export function formErrors(error: ZodError): FieldErrors {
  const out: FieldErrors = {};
  for (const issue of error.issues) {
    const field = issue.path.filter((p) => typeof p === "string").join(".") || "_form";
    if (out[field]) continue;
    const key = /^(validation|school)\./.test(issue.message) ? issue.message : `validation.${issue.code}`;
    const params: Record<string, unknown> = {};
    if ("minimum" in issue) params.min = issue.minimum;
    if ("maximum" in issue) params.max = issue.maximum;
    out[field] = { key, params };
  }
  return out;
}

// A check that needs the database (a duplicate name, a date outside the term)
// fails the same way a schema check does: 400 with the field named.
export class FormError extends Error {
  constructor(readonly errors: FieldErrors) {
    super(`invalid fields: ${Object.keys(errors).join(", ")}`);
  }
}
export const fieldError = (field: string, key: string, params: Record<string, unknown> = {}): FormError =>
  new FormError({ [field]: { key, params } });

export function idParam(value: unknown): number {
  if (typeof value !== "string" || !/^\d{1,9}$/.test(value)) throw new HttpError(404, "errors.notFound");
  return Number(value);
}

export function optionalId(value: unknown): number | null {
  return typeof value === "string" && /^\d{1,9}$/.test(value) ? Number(value) : null;
}

// Control characters (NUL above all: PostgreSQL refuses it) never belong in a
// name or a search; tab, CR and LF are whitespace and handled by trimming.
export const hasControlChars = (value: string): boolean =>
  [...value].some((ch) => { const c = ch.charCodeAt(0); return (c < 0x20 && c !== 0x09 && c !== 0x0a && c !== 0x0d) || c === 0x7f; });
const withoutControlChars = (value: string): string => [...value].filter((ch) => !hasControlChars(ch)).join("");

// Search text for LIKE: trimmed, short, without wildcards or control characters.
export function searchText(query: unknown): string {
  const q = typeof query === "object" && query !== null ? (query as Record<string, unknown>).q : undefined;
  return typeof q === "string" ? withoutControlChars(q).trim().slice(0, 50).replace(/[%_\\]/g, "") : "";
}

export const text = (max: number) => z.string({ message: "validation.required" }).trim()
  .min(1, "validation.required").max(max, "validation.tooLong").refine((v) => !hasControlChars(v), "school.validation.controlChars");
export const isoDate = z.string({ message: "validation.date" }).trim().refine(isIsoDate, "validation.date");
export const clockTime = z.string({ message: "school.validation.time" }).trim()
  .regex(/^([01]\d|2[0-3]):[0-5]\d$/, "school.validation.time");
export const checkbox = z.unknown().optional().transform((v) => v === "1" || v === "on" || v === "true");

const oneOf = (min: number, max: number, message: string) => z.coerce.number({ message }).int(message).min(min, message).max(max, message);
export const weekdayValue = oneOf(1, 5, "school.validation.weekday");
export const gradeValue = oneOf(1, 6, "school.validation.grade");

// Checkbox groups arrive as one string or an array; "none ticked" as nothing.
export function numberSet(item: z.ZodType<number>, message: string, required = false) {
  return z.union([item, z.array(item)], { message }).optional()
    .transform((v) => (v === undefined ? [] : [...new Set(Array.isArray(v) ? v : [v])].sort((a, b) => a - b)))
    .refine((v) => !required || v.length > 0, message);
}

export { minutesOf } from "./core/period-rules";

// Validate, save, or re-render with the errors (schema errors and the
// service's FormError alike). Returns true when saved.
export async function submit<T>(schema: z.ZodType<T, any>, body: unknown, save: (data: T) => Promise<unknown>,
  again: (errors: FieldErrors) => void): Promise<boolean> {
  const parsed = schema.safeParse(body ?? {});
  if (!parsed.success) {
    again(formErrors(parsed.error));
    return false;
  }
  try {
    await save(parsed.data);
    return true;
  } catch (err) {
    if (!(err instanceof FormError)) throw err;
    again(err.errors);
    return false;
  }
}
