// Forms for classes, families and students. Numbers and phones follow the same
// rules as the spreadsheet import (import/text-parsers), so a record typed in
// and a record imported are held to one standard.
import { z } from "zod";
import { parseId, parsePhone } from "./core/import/text-parsers";
import { gradeValue, text } from "./form-helpers";

const blank = (v: unknown) => (typeof v === "string" && v.trim() === "" ? undefined : v);

// Student numbers and 学籍号 are text: leading zeros and 19 digits survive.
export const idText = (message: string) =>
  z.string({ message: "validation.required" }).transform((raw, ctx) => {
    const parsed = parseId(raw);
    if (parsed.ok) return parsed.value;
    ctx.addIssue({ code: "custom", message: parsed.code === "required" ? "validation.required" : message });
    return z.NEVER;
  });

const phone = z
  .preprocess(
    blank,
    z
      .string()
      .transform((raw, ctx) => {
        const parsed = parsePhone(raw);
        if (parsed.ok) return parsed.value;
        ctx.addIssue({ code: "custom", message: "school.validation.phone" });
        return z.NEVER;
      })
      .optional(),
  )
  .transform((v) => v ?? null);

// The form always sends the teacher select, "" for none; a request without it is malformed.
export const classForm = z.object({
  name: text(40),
  grade: gradeValue,
  classTeacherId: z
    .string({ message: "validation.required" })
    .trim()
    .refine((v) => v === "" || /^[1-9]\d{0,8}$/.test(v), "school.class.badTeacher")
    .transform((v) => (v === "" ? null : Number(v))),
});
export type ClassFormData = z.infer<typeof classForm>;

export const studentForm = z.object({
  studentNumber: idText("school.validation.studentNumber"),
  name: text(100),
  classId: z.coerce
    .number({ message: "school.validation.class" })
    .int("school.validation.class")
    .positive("school.validation.class"),
});
export type StudentFormData = z.infer<typeof studentForm>;

export const familyForm = z.object({
  familyKey: z.preprocess(blank, idText("school.validation.familyKey").optional()).transform((v) => v ?? null),
  guardianName: text(100),
  phone,
});
export type FamilyFormData = z.infer<typeof familyForm>;

// A new family comes with its first child, so no family is ever empty.
export const newFamilyForm = z.object({ ...familyForm.shape, ...studentForm.shape });
