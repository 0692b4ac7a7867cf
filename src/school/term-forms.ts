// The term and calendar-day forms. Messages are i18n keys.
import { z } from "zod";
import { CALENDAR_DAY_KINDS } from "../db";
import { makeUpProblems } from "../kernel/core";
import { atMostAYear, endsAfterStart } from "./core/calendar-rules";
import { checkbox, isoDate, text, weekdayValue } from "./form-helpers";

const termFields = { name: text(60), startDate: isoDate, endDate: isoDate, current: checkbox };

export const termForm = z
  .object(termFields)
  .refine(endsAfterStart, { path: ["endDate"], message: "school.term.endBeforeStart" })
  .refine(atMostAYear, { path: ["endDate"], message: "school.term.tooLong" });
export type TermFormData = z.infer<typeof termForm>;

// A term started from the previous one; "new school year" also moves classes up.
export const nextTermForm = z
  .object({ ...termFields, newSchoolYear: checkbox })
  .refine(endsAfterStart, { path: ["endDate"], message: "school.term.endBeforeStart" })
  .refine(atMostAYear, { path: ["endDate"], message: "school.term.tooLong" });

const blankToNull = (v: unknown) => (typeof v === "string" && v.trim() === "" ? undefined : v);

export const calendarDayForm = z
  .object({
    date: isoDate,
    until: z.preprocess(blankToNull, isoDate.optional()).transform((v) => v ?? null),
    kind: z.enum(CALENDAR_DAY_KINDS, { message: "school.calendar.badKind" }),
    name: text(100),
    runsWeekday: z.preprocess(blankToNull, weekdayValue.optional()).transform((v) => v ?? null),
  })
  .superRefine((d, ctx) => {
    if (d.kind === "makeup") {
      // 调休: the kernel's rule (a weekend date naming the weekday it follows), one date at a time.
      for (const [field, problem] of Object.entries(makeUpProblems(d.date, d.runsWeekday))) {
        ctx.addIssue({ code: "custom", path: [field], message: `school.calendar.${problem}` });
      }
      if (d.until !== null && d.until !== d.date)
        ctx.addIssue({ code: "custom", path: ["until"], message: "school.calendar.makeupOneDay" });
    }
    if (d.until !== null && d.until < d.date)
      ctx.addIssue({ code: "custom", path: ["until"], message: "school.calendar.untilBeforeDate" });
  })
  .transform((d) => ({ ...d, runsWeekday: d.kind === "makeup" ? d.runsWeekday : null }));
export type CalendarDayFormData = z.infer<typeof calendarDayForm>;
