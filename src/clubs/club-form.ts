// The club form's schema; messages are i18n keys. Whether the staff member
// and venue exist is checked by the service (it needs the database).
import { z } from "zod";
import { CLUB_CATEGORIES } from "../db";
import { isId, plainText } from "../http";
import { isVenueKind } from "../school/core";
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
const staffIds = z
  .union([z.string(), z.array(z.string())], { message: "clubs.errors.eligibleStaff" })
  .optional()
  .transform((v) => (v === undefined ? [] : Array.isArray(v) ? v : [v]).map((s) => s.trim()).filter(Boolean))
  .refine((ids) => ids.every(isId) && ids.length <= 50, "clubs.errors.eligibleStaff")
  .transform((ids) => [...new Set(ids.map(Number))].sort((a, b) => a - b));

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
    // Planning for the proposer (issue 23). No boxes ticked sends no field: nobody
    // besides the leader (the service adds the leader when missing).
    eligibleStaffIds: staffIds,
    // Absent (an older client): the stored count stays, a new club meets once.
    sessionsPerWeek: z
      .string({ message: "clubs.errors.sessionsPerWeek" })
      .trim()
      .regex(/^[1-5]$/, "clubs.errors.sessionsPerWeek")
      .transform(Number)
      .optional(),
    // "" is "any kind of venue".
    venueKind: z
      .string({ message: "clubs.errors.venueKind" })
      .trim()
      .refine((v) => v === "" || isVenueKind(v), "clubs.errors.venueKind")
      .optional()
      .transform((v) => v || null),
  })
  .refine((c) => !(c.minSize > c.maxSize), { path: ["minSize"], message: "clubs.errors.minAboveMax" });

export type ClubFormData = z.infer<typeof clubForm>;
