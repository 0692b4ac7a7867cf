// The club form's schema; messages are i18n keys. Whether the staff member
// and venue exist is checked by the service (it needs the database).
import { z } from "zod";
import { CLUB_CATEGORIES } from "../db";
import { isId, plainText } from "../http";

const size = (message: string) =>
  z
    .string({ message })
    .trim()
    .regex(/^\d{1,4}$/, message)
    .transform(Number);
const id = (message: string) =>
  z
    .string({ message })
    .trim()
    .refine((v) => v === "" || isId(v), message)
    .optional()
    .transform((v) => (v ? Number(v) : null));
const grade = z
  .string()
  .trim()
  .regex(/^[1-6]$/, "clubs.errors.grades")
  .transform(Number);

export const clubForm = z
  .object({
    code: z
      .string({ message: "validation.required" })
      .trim()
      .min(1, "validation.required")
      .max(40, "validation.tooLong")
      .regex(/^[A-Za-z0-9_-]+$/, "clubs.errors.code"),
    name: plainText(100, true),
    category: z.enum(CLUB_CATEGORIES, { message: "clubs.errors.category" }),
    description: plainText(2000)
      .optional()
      .transform((v) => v ?? ""),
    grades: z
      .union([grade, z.array(grade)], { message: "clubs.errors.grades" })
      .transform((v) => [...new Set(Array.isArray(v) ? v : [v])].sort((a, b) => a - b))
      .refine((v) => v.length > 0, "clubs.errors.grades"),
    minSize: size("clubs.errors.size"),
    maxSize: size("clubs.errors.size").refine((n) => n >= 1, "clubs.errors.maxSize"),
    staffId: id("clubs.errors.staff"),
    venueId: id("clubs.errors.venue"),
  })
  .refine((c) => !(c.minSize > c.maxSize), { path: ["minSize"], message: "clubs.errors.minAboveMax" });

export type ClubFormData = z.infer<typeof clubForm>;
