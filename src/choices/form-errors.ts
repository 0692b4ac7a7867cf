// zod issues → { field: i18n key }, like src/http/validation.ts fieldErrors(),
// but keeping this capability's own "choices.*" message keys and naming the
// top-level field (the form's input name) even for array items.
import type { ZodError } from "zod";
import type { FieldErrors } from "../http/form-kit";

export function formErrors(error: ZodError): FieldErrors {
  const out: FieldErrors = {};
  for (const issue of error.issues) {
    const field = issue.path.length ? String(issue.path[0]) : "_form";
    if (out[field]) continue;
    const own = issue.message.startsWith("choices.") || issue.message.startsWith("validation.");
    const params: Record<string, unknown> = {};
    if ("minimum" in issue) params.min = issue.minimum;
    if ("maximum" in issue) params.max = issue.maximum;
    out[field] = { key: own ? issue.message : `validation.${issue.code}`, params };
  }
  return out;
}
