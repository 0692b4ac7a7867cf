// zod issues → one i18n key per form field. Like the shared fieldErrors(),
// but it also keeps the keys of the clubs and timetable catalogs, and files
// an issue inside a list (grades.1) under the list's field (grades).
import type { ZodError } from "zod";
import type { FieldErrors } from "../http/form-kit";

const OWN_KEYS = /^(validation|clubs|timetable)\./;

export function formErrors(error: ZodError): FieldErrors {
  const out: FieldErrors = {};
  for (const issue of error.issues) {
    const field = issue.path.length ? String(issue.path[0]) : "_form";
    if (out[field]) continue;
    const params: Record<string, unknown> = {};
    if ("minimum" in issue) params.min = issue.minimum;
    if ("maximum" in issue) params.max = issue.maximum;
    out[field] = { key: OWN_KEYS.test(issue.message) ? issue.message : `validation.${issue.code}`, params };
  }
  return out;
}

/** A form value that names a missing or unusable record; the route shows it on `field` with 400. */
export class FieldError extends Error {
  constructor(readonly field: string, readonly key: string) {
    super(`${field}: ${key}`);
  }
  toErrors(): FieldErrors {
    return { [this.field]: { key: this.key } };
  }
}
