// The one form kit every capability's routes use: ids from the path, zod
// issues as field errors, and the one error a service throws when a check
// that needs the database fails a field. Routes parse with these and nothing
// else, so a form answers the same way everywhere (400, the field named).
import { z, type ZodError, type ZodType } from "zod";
import { HttpError } from "./errors";

export type FieldErrors = Record<string, { key: string; params?: Record<string, unknown> }>;

/** Database ids in paths and forms: 1 to 9 digits (no sign, no exponent, no overflow). */
export const ID_PATTERN = /^\d{1,9}$/;

export const isId = (value: unknown): value is string => typeof value === "string" && ID_PATTERN.test(value);

/** An id from the path; anything else is a page that does not exist (404), never a 500. */
export function idParam(value: unknown): number {
  if (!isId(value)) throw new HttpError(404, "errors.notFound");
  return Number(value);
}

/**
 * The parsed form as the parse boundary sees it: fields of unknown type ({} when
 * the request has no body). Read it through a schema or narrow each field.
 */
export const formBody = (req: { body?: unknown }): Record<string, unknown> =>
  (req.body ?? {}) as Record<string, unknown>;

/** An id from a query or form field, or null when it is missing or malformed. */
export const optionalId = (value: unknown): number | null => (isId(value) ? Number(value) : null);

// A schema's message is kept when it is a catalog key ("choices.rankTwice");
// anything else (zod's own English) becomes "validation.<code>".
const CATALOG_KEY = /^[a-z][A-Za-z0-9]*\.[A-Za-z0-9_.-]+$/;

/**
 * zod issues → { field: i18n key }, the first issue per field. An item of a
 * list files its error under the list ("grades", not "grades.1"), which is the
 * name of the form's input.
 */
export function fieldErrors(error: ZodError): FieldErrors {
  const out: FieldErrors = {};
  for (const issue of error.issues) {
    const field = issue.path.filter((p) => typeof p === "string").join(".") || "_form";
    if (out[field]) continue;
    const key = CATALOG_KEY.test(issue.message) ? issue.message : `validation.${issue.code}`;
    const params: Record<string, unknown> = {};
    if ("minimum" in issue) params.min = issue.minimum;
    if ("maximum" in issue) params.max = issue.maximum;
    out[field] = { key, params };
  }
  return out;
}

/**
 * A check that needs the database (a duplicate name, a date outside the term,
 * a closed round) fails the way a schema check does: 400 with the field named.
 * Services throw it; routes re-render the form with `errors`.
 */
export class FormError extends Error {
  constructor(readonly errors: FieldErrors) {
    super(`invalid fields: ${Object.keys(errors).join(", ")}`);
  }
  /** The first field named (for JSON answers and logs). */
  get field(): string {
    return Object.keys(this.errors)[0] ?? "_form";
  }
}

export const fieldError = (field: string, key: string, params: Record<string, unknown> = {}): FormError =>
  new FormError({ [field]: { key, params } });

// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/;

/**
 * Free text from a form: trimmed, bounded, and without control characters
 * (PostgreSQL refuses NUL in text, and nobody types the others on purpose).
 */
export const plainText = (max: number, required = false) =>
  z
    .string({ message: required ? "validation.required" : "validation.invalid_format" })
    .trim()
    .min(required ? 1 : 0, "validation.required")
    .max(max, "validation.tooLong")
    .refine((v) => !CONTROL.test(v), "validation.invalid_format");

/**
 * Validate, save, or re-render with the errors (the schema's and a service's
 * FormError alike). Returns true when saved.
 */
export async function submit<T>(
  schema: ZodType<T, any>,
  body: unknown,
  save: (data: T) => Promise<unknown>,
  again: (errors: FieldErrors) => void | Promise<unknown>,
): Promise<boolean> {
  const parsed = schema.safeParse(body ?? {});
  if (!parsed.success) {
    await again(fieldErrors(parsed.error));
    return false;
  }
  try {
    await save(parsed.data);
    return true;
  } catch (err) {
    if (!(err instanceof FormError)) throw err;
    await again(err.errors);
    return false;
  }
}

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
