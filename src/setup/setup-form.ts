// The first-run setup forms' schemas: messages are i18n keys.
import { z } from "zod";
import { isKnownZone } from "../kernel/core";
import { checkStaffPassword, STAFF_PASSWORD_MIN } from "../http";

// An IANA zone name the runtime knows (the school's clock reads it).
function isTimeZone(value: string): boolean {
  if (!/^[A-Za-z][A-Za-z0-9_+-]*(\/[A-Za-z0-9_+-]+)*$/.test(value)) return false;
  return isKnownZone(value);
}

export const schoolForm = z.object({
  schoolName: z.string().trim().min(1, "validation.required").max(100, "validation.tooLong"),
  timezone: z
    .string()
    .trim()
    .min(1, "validation.required")
    .max(60, "validation.tooLong")
    .refine(isTimeZone, "validation.timezone"),
});

export const firstRunForm = schoolForm.extend({
  token: z.string().trim().min(1, "validation.required").max(200, "validation.tooLong"),
  adminName: z.string().trim().min(1, "validation.required").max(100, "validation.tooLong"),
  email: z
    .string()
    .trim()
    .toLowerCase()
    .min(1, "validation.required")
    .max(200, "validation.tooLong")
    .email("validation.email"),
  password: z
    .string()
    .max(200, "validation.tooLong")
    .superRefine((value, ctx) => {
      const key = checkStaffPassword(value);
      if (key) ctx.addIssue({ code: "custom", message: key, params: { min: STAFF_PASSWORD_MIN } });
    }),
});

export type SchoolFormData = z.infer<typeof schoolForm>;
export type FirstRunFormData = z.infer<typeof firstRunForm>;
