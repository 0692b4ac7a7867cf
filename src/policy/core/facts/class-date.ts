// Class × date from the homework log: the written homework one class took home that day.
import { isoWeekday } from "../../../kernel/core";
import { weekdayName } from "../clock";
import type { IsoDate, Localized, PolicyFact } from "../types";
import type { PolicyContext } from "./context";
import { fieldList } from "./fields";
import { serviceDay } from "./service-day";

export interface ClassDateValues {
  classId: string;
  className: string;
  grade: number;
  date: IsoDate;
  weekday: number | null;
  weekdayName: Localized;
  isSchoolDay: boolean;
  writtenMinutes: number;
  totalMinutes: number;
  entryCount: number;
  subjects: string[];
  homeworkSessionMinutes: number;
}

export const classDateFields = fieldList<ClassDateValues>({
  classId: true,
  className: true,
  grade: true,
  date: true,
  weekday: true,
  weekdayName: true,
  isSchoolDay: true,
  writtenMinutes: true,
  totalMinutes: true,
  entryCount: true,
  subjects: true,
  homeworkSessionMinutes: true,
});

// Homework limits are per class per day (班主任统筹), so the log is summed by class and date.
export function classDateFacts(ctx: PolicyContext): PolicyFact<ClassDateValues>[] {
  const days = new Map(ctx.schoolDays.map((d) => [d.date, d]));
  return [...ctx.homeworkByClassDate.values()].map((rows) => {
    const { classId, date } = rows[0];
    const cls = ctx.classes.get(classId);
    const grade = cls?.grade ?? rows[0].grade;
    const day = days.get(date);
    const weekday = day ? day.weekday : isoWeekday(date);
    return {
      kind: "classDate" as const,
      target: { kind: "class-date" as const, classId, grade, date },
      values: {
        classId,
        className: cls?.name ?? classId,
        grade,
        date,
        weekday,
        weekdayName: weekdayName(weekday),
        isSchoolDay: day !== undefined,
        writtenMinutes: rows.filter((h) => h.written).reduce((s, h) => s + h.minutes, 0),
        totalMinutes: rows.reduce((s, h) => s + h.minutes, 0),
        entryCount: rows.length,
        subjects: [...new Set(rows.map((h) => h.subject))],
        homeworkSessionMinutes: day ? serviceDay(ctx, day.weekday, grade, classId).homeworkMinutes : 0,
      },
    };
  });
}
