// The allocation forms' schemas. Messages are i18n keys (assignment.*,
// validation.*), which the form kit's fieldErrors keeps.
import { z } from "zod";
import { MAX_SEED } from "./run-service";

const reason = z
  .string({ message: "validation.reasonRequired" })
  .trim()
  .min(5, "validation.reasonRequired")
  .max(500, "validation.tooLong");
const id = z.coerce
  .number({ message: "validation.required" })
  .int("validation.required")
  .positive("validation.required")
  .max(2147483647, "validation.required");

export const runForm = z.object({
  mechanism: z.enum(["optimal", "lottery"], { message: "assignment.errors.mechanism" }).default("optimal"),
  // Empty means "draw one for me"; the drawn seed is shown and stored.
  seed: z
    .string()
    .trim()
    .default("")
    .refine((v) => v === "" || (/^\d{1,10}$/.test(v) && Number(v) <= MAX_SEED), "assignment.errors.seed")
    .transform((v) => (v === "" ? null : Number(v))),
  note: z.string().trim().max(200, "validation.tooLong").default(""),
});

export const pinForm = z.object({
  studentNumber: z
    .string({ message: "validation.required" })
    .trim()
    .min(1, "validation.required")
    .max(32, "validation.tooLong"),
  clubId: id,
  reason,
  mode: z.enum(["pin", "move"]).default("pin"),
});

export const reasonForm = z.object({ reason });

export const publishForm = z.object({
  overrideReason: z
    .string()
    .trim()
    .max(500, "validation.tooLong")
    .default("")
    .transform((v) => v || null),
  // "Close now and publish" for a round still open, and the admin's yes to a republication's changes.
  closeNow: z
    .string()
    .optional()
    .transform((v) => v === "1"),
  confirmChanges: z
    .string()
    .optional()
    .transform((v) => v === "1"),
});

export const adminWithdrawForm = z.object({ studentId: id, clubId: id, reason });

export const familyWithdrawForm = z.object({
  studentId: id,
  clubId: id,
  // Withdrawing gives the seat away: the family ticks a box to confirm.
  confirm: z.literal("1", { message: "assignment.errors.confirmWithdraw" }),
});

export const offerHoursForm = z.object({
  hours: z.coerce
    .number({ message: "assignment.errors.hours" })
    .int("assignment.errors.hours")
    .min(1, "assignment.errors.hours")
    .max(336, "assignment.errors.hours"),
});

export const compareQuery = z.object({ a: id, b: id });
