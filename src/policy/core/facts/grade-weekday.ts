// Grade × weekday of the weekly timetable: the "5+2" shape of the service (days, length, end time).
import { weekdayName } from "../clock";
import type { Localized, PolicyFact, TimetableWeekday } from "../types";
import type { PolicyContext } from "./context";
import { fieldList } from "./fields";
import { serviceDay } from "./service-day";

export interface GradeWeekdayValues {
  grade: number;
  weekday: TimetableWeekday;
  weekdayName: Localized;
  hasService: boolean;
  serviceStart?: string;
  serviceEnd?: string;
  serviceMinutes: number;
  sessionMinutes: number;
  serviceDaysInWeek: number;
  homeworkSessionMinutes: number;
  serviceSportMinutes: number;
  entryCount: number;
}

export const gradeWeekdayFields = fieldList<GradeWeekdayValues>({
  grade: true,
  weekday: true,
  weekdayName: true,
  hasService: true,
  serviceStart: true,
  serviceEnd: true,
  serviceMinutes: true,
  sessionMinutes: true,
  serviceDaysInWeek: true,
  homeworkSessionMinutes: true,
  serviceSportMinutes: true,
  entryCount: true,
});

const WEEKDAYS: TimetableWeekday[] = [1, 2, 3, 4, 5];

// The service is promised per weekday, so its length and end time are checked per grade and weekday.
export function gradeWeekdayFacts(ctx: PolicyContext): PolicyFact<GradeWeekdayValues>[] {
  return ctx.input.grades.flatMap((grade) => {
    const days = WEEKDAYS.map((weekday) => ({ weekday, day: serviceDay(ctx, weekday, grade) }));
    const serviceDaysInWeek = days.filter((d) => d.day.entryCount > 0).length;
    return days.map(({ weekday, day }) => ({
      kind: "gradeWeekday" as const,
      target: { kind: "grade-day" as const, grade, weekday },
      values: {
        grade,
        weekday,
        weekdayName: weekdayName(weekday),
        hasService: day.entryCount > 0,
        serviceStart: day.start,
        serviceEnd: day.end,
        serviceMinutes: day.spanMinutes,
        sessionMinutes: day.sessionMinutes,
        serviceDaysInWeek,
        homeworkSessionMinutes: day.homeworkMinutes,
        serviceSportMinutes: day.sportMinutes,
        entryCount: day.entryCount,
      },
    }));
  });
}
