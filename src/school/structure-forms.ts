// The period form and the 6×5 daily-sport grid. Messages are i18n keys.
import { z } from "zod";
import { VENUE_KINDS } from "./core";
import { clockTime, gradeValue, numberSet, text } from "./form-helpers";
import { FieldErrors } from "../http";
import { endsAfterStart } from "./core/period-rules";

export const periodForm = z
  .object({
    name: text(40),
    startTime: clockTime,
    endTime: clockTime,
    grades: numberSet(gradeValue, "school.validation.grades", true),
  })
  .refine(endsAfterStart, { path: ["endTime"], message: "school.period.endBeforeStart" });
export type PeriodFormData = z.infer<typeof periodForm>;

export const GRADES = [1, 2, 3, 4, 5, 6];
export const WEEKDAYS = [1, 2, 3, 4, 5];
// A school day holds at most a few hours of PE and break; more is a typo.
export const MAX_SPORT_MINUTES = 180;

export interface SportCell {
  grade: number;
  weekday: number;
  peMinutes: number;
  breakMinutes: number;
}

export const peField = (grade: number, weekday: number) => `pe_${grade}_${weekday}`;
export const breakField = (grade: number, weekday: number) => `br_${grade}_${weekday}`;

// Every cell of the grid is a whole number of minutes, 0–180; a blank is 0.
export function parseSportGrid(body: Record<string, unknown>): { cells: SportCell[]; errors: FieldErrors } {
  const errors: FieldErrors = {};
  const minutes = (field: string): number => {
    const raw = body[field];
    const value = typeof raw === "string" ? raw.trim() : raw === undefined ? "" : null;
    if (value === "") return 0;
    if (value === null || !/^\d{1,3}$/.test(value) || Number(value) > MAX_SPORT_MINUTES) {
      errors[field] = { key: "school.sport.badMinutes", params: { max: MAX_SPORT_MINUTES } };
      return 0;
    }
    return Number(value);
  };
  const cells = GRADES.flatMap((grade) =>
    WEEKDAYS.map((weekday) => ({
      grade,
      weekday,
      peMinutes: minutes(peField(grade, weekday)),
      breakMinutes: minutes(breakField(grade, weekday)),
    })),
  );
  return { cells, errors };
}

// A venue: name, capacity, indoor or outdoor.
export const venueForm = z.object({
  name: text(80),
  capacity: z.coerce
    .number({ message: "school.validation.count" })
    .int("school.validation.count")
    .min(1, "school.validation.count")
    .max(2000, "school.validation.count"),
  indoor: z.enum(["1", "0"], { message: "school.venue.chooseIndoor" }).transform((v) => v === "1"),
  kind: z.enum(VENUE_KINDS, { message: "school.venue.chooseType" }),
});
export type VenueData = z.infer<typeof venueForm>;
