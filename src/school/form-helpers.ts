// The schema pieces the school's set-up forms share (names, dates,
// times, weekdays, grades, checkbox groups). Field errors, ids from the path and
// submit are the shared form kit's (src/http).
import { z } from "zod";
import { isIsoDate } from "../kernel/core";
import { hasControlChars } from "../http";

export { hasControlChars, searchText } from "../http";

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
