// The staff form's schema: messages are i18n keys.
import { z } from "zod";
import { STAFF_ROLES } from "../db";
import { checkStaffPassword } from "../http";

const weekday = z.coerce.number().int().min(1).max(5);

// A staff password as every form and command takes it (http/auth/passwords.ts says why).
export function staffPassword() {
  return z
    .string()
    .max(200, "validation.tooLong")
    .superRefine((value, ctx) => {
      const problem = checkStaffPassword(value);
      if (problem) ctx.addIssue({ code: "custom", message: problem });
    });
}

export const staffForm = z
  .object({
    staffNumber: z
      .string()
      .trim()
      .min(1, "validation.required")
      .max(32, "validation.tooLong")
      .regex(/^[A-Za-z0-9_-]+$/, "validation.staffNumber"),
    name: z.string().trim().min(1, "validation.required").max(100, "validation.tooLong"),
    email: z
      .union([z.literal(""), z.string().trim().toLowerCase().max(200, "validation.tooLong").email("validation.email")])
      .transform((v) => v || null),
    role: z.enum(STAFF_ROLES, { message: "validation.role" }),
    password: z.union([z.literal(""), staffPassword()]).transform((v) => v || null),
    vettedOn: z
      .union([z.literal(""), z.string().regex(/^\d{4}-\d{2}-\d{2}$/, "validation.date")])
      .transform((v) => v || null),
    availableDays: z
      .union([weekday, z.array(weekday)])
      .optional()
      .transform((v) => (v === undefined ? [] : Array.isArray(v) ? [...new Set(v)].sort() : [v])),
  })
  .refine((s) => s.role !== "external" || s.vettedOn !== null, {
    path: ["vettedOn"],
    message: "validation.vettingRequired",
  })
  .refine((s) => s.password === null || s.email !== null, { path: ["email"], message: "validation.emailForLogin" });

export type StaffFormData = z.infer<typeof staffForm>;
