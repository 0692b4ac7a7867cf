// The schema pieces the school's set-up forms share (names, search text, dates,
// times, weekdays, grades, checkbox groups). Field errors, ids from the path and
// submit are the shared form kit's (src/http).
import { z } from "zod";
import { isIsoDate } from "../kernel/core";

// Control characters (NUL above all: PostgreSQL refuses it) never belong in a
// name or a search; tab, CR and LF are whitespace and handled by trimming.
export const hasControlChars = (value: string): boolean =>
  [...value].some((ch) => {
    const c = ch.charCodeAt(0);
    return (c < 0x20 && c !== 0x09 && c !== 0x0a && c !== 0x0d) || c === 0x7f;
  });
const withoutControlChars = (value: string): string => [...value].filter((ch) => !hasControlChars(ch)).join("");

// Search text for LIKE: trimmed, short, without wildcards or control characters.
export function searchText(query: unknown): string {
  const q = typeof query === "object" && query !== null ? (query as Record<string, unknown>).q : undefined;
  return typeof q === "string"
    ? withoutControlChars(q)
        .trim()
        .slice(0, 50)
        .replace(/[%_\\]/g, "")
    : "";
}

export const text = (max: number) =>
  z
    .string({ message: "validation.required" })
    .trim()
    .min(1, "validation.required")
    .max(max, "validation.tooLong")
    .refine((v) => !hasControlChars(v), "school.validation.controlChars");
export const isoDate = z.string({ message: "validation.date" }).trim().refine(isIsoDate, "validation.date");
export const clockTime = z
  .string({ message: "school.validation.time" })
  .trim()
  .regex(/^([01]\d|2[0-3]):[0-5]\d$/, "school.validation.time");
export const checkbox = z
  .unknown()
  .optional()
  .transform((v) => v === "1" || v === "on" || v === "true");

const oneOf = (min: number, max: number, message: string) =>
  z.coerce.number({ message }).int(message).min(min, message).max(max, message);
export const weekdayValue = oneOf(1, 5, "school.validation.weekday");
export const gradeValue = oneOf(1, 6, "school.validation.grade");

// Checkbox groups arrive as one string or an array; "none ticked" as nothing.
export function numberSet(item: z.ZodType<number>, message: string, required = false) {
  return z
    .union([item, z.array(item)], { message })
    .optional()
    .transform((v) => (v === undefined ? [] : [...new Set(Array.isArray(v) ? v : [v])].sort((a, b) => a - b)))
    .refine((v) => !required || v.length > 0, message);
}

export { minutesOf } from "./core/period-rules";
