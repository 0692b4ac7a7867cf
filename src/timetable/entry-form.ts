// The timetable entry form and the move form; messages are i18n keys.
// Whether the period, club, class, staff and venue exist is the service's
// question (it needs the database); clashes come after that.
import { z } from "zod";
import { SESSION_KINDS } from "../db";
import { ID_PATTERN, isId, plainText } from "../http";

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
  .regex(/^[1-6]$/, "timetable.errors.grades")
  .transform(Number);
const grades = z
  .union([grade, z.array(grade).max(6, "timetable.errors.grades")], { message: "timetable.errors.grades" })
  .optional()
  .transform((v) => (v === undefined ? [] : [...new Set(Array.isArray(v) ? v : [v])].sort((a, b) => a - b)));

const slot = {
  weekday: z
    .string({ message: "timetable.errors.weekday" })
    .trim()
    .regex(/^[1-5]$/, "timetable.errors.weekday")
    .transform(Number),
  periodId: z
    .string({ message: "timetable.errors.period" })
    .trim()
    .regex(ID_PATTERN, "timetable.errors.period")
    .transform(Number),
};

export const moveForm = z.object(slot);

export const entryForm = z
  .object({
    ...slot,
    kind: z.enum(SESSION_KINDS, { message: "timetable.errors.kind" }),
    title: plainText(100)
      .optional()
      .transform((v) => v ?? ""),
    grades,
    classId: id("timetable.errors.class"),
    clubId: id("timetable.errors.club"),
    staffId: id("timetable.errors.staff"),
    venueId: id("timetable.errors.venue"),
  })
  // A club session takes its title and grades from the club when left blank;
  // any other session must say what it is and whom it is for.
  .refine((e) => e.kind !== "club" || e.clubId !== null, { path: ["clubId"], message: "timetable.errors.clubRequired" })
  .refine((e) => e.kind === "club" || e.clubId === null, {
    path: ["clubId"],
    message: "timetable.errors.clubOnlyForClubs",
  })
  .refine((e) => e.kind === "club" || e.title !== "", { path: ["title"], message: "validation.required" })
  .refine((e) => e.kind === "club" || e.classId !== null || e.grades.length > 0, {
    path: ["grades"],
    message: "timetable.errors.grades",
  });

export type EntryFormData = z.infer<typeof entryForm>;
export type MoveFormData = z.infer<typeof moveForm>;
