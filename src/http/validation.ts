// zod issues → { field: i18n key } for re-rendering a form with its errors.
// Schemas give i18n keys as their messages ("validation.required", …).
import type { ZodError } from "zod";

export type FieldErrors = Record<string, { key: string; params?: Record<string, unknown> }>;

export function fieldErrors(error: ZodError): FieldErrors {
  const out: FieldErrors = {};
  for (const issue of error.issues) {
    const field = issue.path.join(".") || "_form";
    if (out[field]) continue;
    const key = issue.message.startsWith("validation.") ? issue.message : `validation.${issue.code}`;
    const params: Record<string, unknown> = {};
    if ("minimum" in issue) params.min = issue.minimum;
    if ("maximum" in issue) params.max = issue.maximum;
    out[field] = { key, params };
  }
  return out;
}

// A 400 with the named fields, for JSON clients and tests.
export class ValidationFailure extends Error {
  constructor(readonly errors: FieldErrors) {
    super(`invalid fields: ${Object.keys(errors).join(", ")}`);
  }
}
