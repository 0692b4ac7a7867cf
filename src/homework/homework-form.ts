// The homework form's schema. Messages are i18n keys: the shared "validation.*" ones, and
// "homework.validation.*" for this form's own (kept in this capability's catalog).
import { z, type ZodError } from "zod";
import { fieldErrors, ID_PATTERN, type FieldErrors } from "../http";
import { HOMEWORK_TIERS, isIsoDate } from "./core";

export const MAX_MINUTES = 180;

export const homeworkForm = z.object({
  classId: z
    .string({ message: "validation.required" })
    .trim()
    .regex(ID_PATTERN, "homework.validation.class")
    .transform(Number),
  date: z.string({ message: "validation.required" }).trim().refine(isIsoDate, "validation.date"),
  subject: z
    .string({ message: "validation.required" })
    .trim()
    .min(1, "validation.required")
    .max(40, "validation.tooLong"),
  description: z
    .string({ message: "validation.required" })
    .trim()
    .min(1, "validation.required")
    .max(1000, "validation.tooLong"),
  tier: z.enum(HOMEWORK_TIERS, { message: "homework.validation.tier" }),
  // An unticked checkbox sends nothing: absent means "not written" (oral, reading, practice).
  written: z
    .union([z.literal("1"), z.literal("0"), z.literal("")])
    .optional()
    .transform((v) => v === "1"),
  minutes: z
    .string({ message: "validation.required" })
    .trim()
    .min(1, "validation.required")
    .regex(/^\d{1,3}$/, "homework.validation.minutes")
    .transform(Number)
    .pipe(z.number().min(1, "homework.validation.minutes").max(MAX_MINUTES, "homework.validation.minutes")),
});

export type HomeworkFormData = z.infer<typeof homeworkForm>;

/** The shared kit's field errors; the minutes message names the most minutes (its {{max}}) whichever check failed. */
export const homeworkFieldErrors = (error: ZodError): FieldErrors =>
  Object.fromEntries(
    Object.entries(fieldErrors(error)).map(([field, e]) => [
      field,
      { ...e, params: { ...e.params, max: MAX_MINUTES } },
    ]),
  );
