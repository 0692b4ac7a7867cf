// Whether the dates a family asks leave for make sense, field by field. The
// school days come from the kernel (holidays, exam days and make-up days 调休
// already applied); this only counts them. Pure.
import type { IsoDate } from "../../kernel/core";
import { MAX_SCHOOL_DAYS } from "./kinds";

export interface LeaveDates {
  fromDate: IsoDate;
  toDate: IsoDate;
}

export interface RangeContext {
  today: IsoDate;
  term: { startDate: IsoDate; endDate: IsoDate };
  /** The term's dates with service, in order (the kernel's school days). */
  schoolDates: readonly IsoDate[];
  maxSchoolDays?: number;
}

export type RangeProblem =
  | { field: "fromDate" | "toDate"; key: "leave.validation.outsideTerm"; params: { start: IsoDate; end: IsoDate } }
  | { field: "fromDate"; key: "leave.validation.past"; params: { today: IsoDate } }
  | { field: "toDate"; key: "leave.validation.beforeStart"; params: Record<string, never> }
  | { field: "toDate"; key: "leave.validation.tooLong"; params: { max: number } }
  | { field: "fromDate"; key: "leave.validation.noSchoolDay"; params: Record<string, never> };

/** The school days a range covers, in order. */
export function schoolDaysIn(range: LeaveDates, schoolDates: readonly IsoDate[]): IsoDate[] {
  return schoolDates.filter((d) => d >= range.fromDate && d <= range.toDate);
}

/**
 * The first problem of each field, in the order a family would fix them. Leave
 * is asked ahead (today allowed: a child who falls ill in the morning), inside
 * the term the school runs, and must reach at least one day with service — a
 * request for a holiday alone would be noise on the teacher's list.
 */
export function rangeProblems(range: LeaveDates, ctx: RangeContext): RangeProblem[] {
  const out: RangeProblem[] = [];
  const { startDate: start, endDate: end } = ctx.term;
  const fromOutside = range.fromDate < start || range.fromDate > end;
  const toOutside = range.toDate < start || range.toDate > end;
  if (fromOutside) out.push({ field: "fromDate", key: "leave.validation.outsideTerm", params: { start, end } });
  else if (range.fromDate < ctx.today)
    out.push({ field: "fromDate", key: "leave.validation.past", params: { today: ctx.today } });
  if (range.toDate < range.fromDate) out.push({ field: "toDate", key: "leave.validation.beforeStart", params: {} });
  else if (toOutside) out.push({ field: "toDate", key: "leave.validation.outsideTerm", params: { start, end } });
  if (out.length) return out;
  const days = schoolDaysIn(range, ctx.schoolDates).length;
  const max = ctx.maxSchoolDays ?? MAX_SCHOOL_DAYS;
  if (days === 0) out.push({ field: "fromDate", key: "leave.validation.noSchoolDay", params: {} });
  else if (days > max) out.push({ field: "toDate", key: "leave.validation.tooLong", params: { max } });
  return out;
}
