// Grade × school day (a date): sport hour and homework-on-campus, which the calendar decides.
import { weekdayName } from "../clock";
import type { IsoDate, Localized, PolicyFact, ViolationTarget } from "../types";
import { writtenMinutes, type PolicyContext } from "./context";
import { fieldList } from "./fields";
import { serviceDay } from "./service-day";

export interface GradeDayValues {
  grade: number;
  date: IsoDate;
  /** The timetable weekday the date runs (a make-up day runs another weekday's). */
  weekday: number | null;
  weekdayName: Localized;
  calendarWeekday: number;
  isMakeUpDay: boolean;
  isEventDay: boolean;
  hasService: boolean;
  peMinutes: number;
  breakMinutes: number;
  serviceSportMinutes: number;
  serviceSportMinutesAllEntries: number;
  sportMinutes: number;
  homeworkSessionMinutes: number;
  writtenHomeworkMinutes: number;
  maxWrittenHomeworkMinutes: number;
  classId?: string;
  className?: string;
}

export const gradeDayFields = fieldList<GradeDayValues>({
  grade: true,
  date: true,
  weekday: true,
  weekdayName: true,
  calendarWeekday: true,
  isMakeUpDay: true,
  isEventDay: true,
  hasService: true,
  peMinutes: true,
  breakMinutes: true,
  serviceSportMinutes: true,
  serviceSportMinutesAllEntries: true,
  sportMinutes: true,
  homeworkSessionMinutes: true,
  writtenHomeworkMinutes: true,
  maxWrittenHomeworkMinutes: true,
  classId: true,
  className: true,
});

interface ClassHomework {
  classId?: string;
  className?: string;
  session: number;
  written: number;
}

// "作业不出校门" is per class: report the class whose homework overruns its sessions the most.
function worstClass(ctx: PolicyContext, grade: number, weekday: number | null, date: IsoDate): ClassHomework {
  const classes = ctx.input.classes.filter((c) => c.grade === grade);
  if (!classes.length) return { session: serviceDay(ctx, weekday, grade).homeworkMinutes, written: 0 };
  const rows = classes.map((c) => ({
    classId: c.id,
    className: c.name,
    session: serviceDay(ctx, weekday, grade, c.id).homeworkMinutes,
    written: writtenMinutes(ctx, c.id, date),
  }));
  const gap = (r: ClassHomework) => r.written - r.session;
  return rows.reduce((a, b) => (gap(b) > gap(a) || (gap(b) === gap(a) && b.written > a.written) ? b : a));
}

// Daily sport and homework are promised per school day, so make-up days and holidays matter here.
export function gradeDayFacts(ctx: PolicyContext): PolicyFact<GradeDayValues>[] {
  return ctx.schoolDays.flatMap((day) =>
    ctx.input.grades.map((grade) => {
      const service = serviceDay(ctx, day.weekday, grade);
      const sport = ctx.input.dailySport.find((s) => s.grade === grade && s.weekday === day.weekday);
      const pe = sport?.peMinutes ?? 0;
      const brk = sport?.breakMinutes ?? 0;
      const worst = worstClass(ctx, grade, day.weekday, day.date);
      const maxWritten = Math.max(
        0,
        ...ctx.input.classes.filter((c) => c.grade === grade).map((c) => writtenMinutes(ctx, c.id, day.date)),
      );
      const target: ViolationTarget = { kind: "grade-day", grade, date: day.date, weekday: day.weekday ?? undefined };
      if (worst.written > worst.session && worst.classId) target.classId = worst.classId;
      return {
        kind: "gradeDay" as const,
        target,
        values: {
          grade,
          date: day.date,
          weekday: day.weekday,
          weekdayName: weekdayName(day.weekday),
          calendarWeekday: day.calendarWeekday,
          isMakeUpDay: day.isMakeUpDay,
          isEventDay: day.isEventDay,
          hasService: service.entryCount > 0,
          peMinutes: pe,
          breakMinutes: brk,
          serviceSportMinutes: service.sportMinutes,
          serviceSportMinutesAllEntries: service.sportMinutesAllEntries,
          sportMinutes: pe + brk + service.sportMinutes,
          homeworkSessionMinutes: worst.session,
          writtenHomeworkMinutes: worst.written,
          maxWrittenHomeworkMinutes: maxWritten,
          classId: worst.classId,
          className: worst.className,
        },
      };
    }),
  );
}
