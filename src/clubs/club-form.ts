// The club form's schema; messages are i18n keys. Whether the staff member
// and venue exist is checked by the service (it needs the database).
import { z } from "zod";
import { CLUB_CATEGORIES } from "../db";
import { isId, plainText } from "../http";
import { CODE_MAX } from "./core";

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
    // Left blank, the service makes one from the name (core/club-code.ts): null here.
    code: z
      .string({ message: "clubs.errors.code" })
      .trim()
      .max(CODE_MAX, "validation.tooLong")
      .refine((v) => v === "" || /^[A-Za-z0-9_-]+$/.test(v), "clubs.errors.code")
      .optional()
      .transform((v) => v || null),
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
