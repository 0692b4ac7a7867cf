// Free text from a form: trimmed, bounded, and without control characters
// (PostgreSQL refuses NUL in text, and nobody types the others on purpose).
import { z } from "zod";

// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/;

export const plainText = (max: number, required = false) =>
  z.string({ message: required ? "validation.required" : "validation.invalid_format" }).trim()
    .min(required ? 1 : 0, "validation.required").max(max, "validation.tooLong")
    .refine((v) => !CONTROL.test(v), "validation.invalid_format");
