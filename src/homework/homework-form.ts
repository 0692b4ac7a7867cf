// The homework form's schema. Messages are i18n keys: the shared "validation.*" ones, and
// "homework.validation.*" for this form's own (kept in this capability's catalog).
import { z, type ZodError } from "zod";
import type { FieldErrors } from "../http/form-kit";
import { HOMEWORK_TIERS } from "./entities";
import { isIsoDate } from "./core/week";

export const MAX_MINUTES = 180;

export const homeworkForm = z.object({
  classId: z.string({ message: "validation.required" }).trim().regex(/^\d{1,9}$/, "homework.validation.class").transform(Number),
  date: z.string({ message: "validation.required" }).trim().refine(isIsoDate, "validation.date"),
  subject: z.string({ message: "validation.required" }).trim().min(1, "validation.required").max(40, "validation.tooLong"),
  description: z.string({ message: "validation.required" }).trim().min(1, "validation.required").max(1000, "validation.tooLong"),
  tier: z.enum(HOMEWORK_TIERS, { message: "homework.validation.tier" }),
  // An unticked checkbox sends nothing: absent means "not written" (oral, reading, practice).
  written: z.union([z.literal("1"), z.literal("0"), z.literal("")]).optional().transform((v) => v === "1"),
  minutes: z.string({ message: "validation.required" }).trim().min(1, "validation.required")
    .regex(/^\d{1,3}$/, "homework.validation.minutes").transform(Number)
    .pipe(z.number().min(1, "homework.validation.minutes").max(MAX_MINUTES, "homework.validation.minutes")),
});

export type HomeworkFormData = z.infer<typeof homeworkForm>;

/** Like web/validation's fieldErrors, but keeps this capability's own "homework.*" keys. */
export function homeworkFieldErrors(error: ZodError): FieldErrors {
  const out: FieldErrors = {};
  for (const issue of error.issues) {
    const field = issue.path.join(".") || "_form";
    if (out[field]) continue;
    const key = /^(validation|homework)\./.test(issue.message) ? issue.message : `validation.${issue.code}`;
    out[field] = { key, params: { max: MAX_MINUTES } };
  }
  return out;
}
