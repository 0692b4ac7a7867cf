// Weekday × period (a slot such as thu-2): which of the period's grades have something to go to.
import { minutesOfDay, weekdayName } from "../clock";
import type { Localized, PolicyFact, TimetableWeekday } from "../types";
import type { PolicyContext } from "./context";
import { fieldList } from "./fields";

export interface SlotValues {
  slotId: string;
  weekday: number;
  weekdayName: Localized;
  periodId: string;
  periodName: string;
  start: string;
  end: string;
  minutes: number;
  entryCount: number;
  grades: number[];
  coveredGrades: number[];
  uncoveredGrades: number[];
  uncoveredGradeCount: number;
}

export const slotFields = fieldList<SlotValues>({
  slotId: true,
  weekday: true,
  weekdayName: true,
  periodId: true,
  periodName: true,
  start: true,
  end: true,
  minutes: true,
  entryCount: true,
  grades: true,
  coveredGrades: true,
  uncoveredGrades: true,
  uncoveredGradeCount: true,
});

const SLOT_DAYS = ["", "mon", "tue", "wed", "thu", "fri"];
const WEEKDAYS: TimetableWeekday[] = [1, 2, 3, 4, 5];

// A child enrolled in the service must have somewhere to be in every period of their grade.
export function slotFacts(ctx: PolicyContext): PolicyFact<SlotValues>[] {
  return WEEKDAYS.flatMap((weekday) =>
    [...ctx.input.periods]
      .sort((a, b) => minutesOfDay(a.start) - minutesOfDay(b.start))
      .map((p, index) => {
        const entries = ctx.input.entries.filter((e) => e.weekday === weekday && e.periodId === p.id);
        const grades = p.grades.filter((g) => ctx.input.grades.includes(g));
        const covered = grades.filter((g) => entries.some((e) => e.grades.includes(g)));
        const uncovered = grades.filter((g) => !covered.includes(g));
        return {
          kind: "slot" as const,
          target: { kind: "slot" as const, weekday, periodId: p.id },
          values: {
            slotId: `${SLOT_DAYS[weekday]}-${index + 1}`,
            weekday,
            weekdayName: weekdayName(weekday),
            periodId: p.id,
            periodName: p.name,
            start: p.start,
            end: p.end,
            minutes: minutesOfDay(p.end) - minutesOfDay(p.start),
            entryCount: entries.length,
            grades,
            coveredGrades: covered,
            uncoveredGrades: uncovered,
            uncoveredGradeCount: uncovered.length,
          },
        };
      }),
  );
}
