// Translated pieces every report shares: grade names, the count / total / rate
// headers, week choices, and rate bars that show the same rounded figure as the table.
import type { Request } from "express";
import type { TFunction } from "i18next";
import { formatRate, type Bar, type Rate, type TermWeek } from "./core";
import { HttpError } from "../http";
import type { WeekChoice } from "./report-view";

export const gradeNamer =
  (t: TFunction) =>
  (grade: number): string =>
    t("reports.gradeName", { grade });

export const fractionHeaders = (t: TFunction) => ({
  count: t("reports.col.count"),
  total: t("reports.col.total"),
  rate: t("reports.col.rate"),
});

// Percent bars on a 0–100 track, labelled with formatRate so the chart reads exactly like the table.
export function rateBars(rows: { label: string; rate: Rate }[]): Bar[] {
  return rows.map((r) => ({
    label: r.label,
    value: r.rate.value === null ? null : r.rate.value * 100,
    max: 100,
    display: r.rate.value === null ? "—" : `${formatRate(r.rate)} (${r.rate.numerator}/${r.rate.denominator})`,
  }));
}

export function weekChoices(t: TFunction, weeks: TermWeek[]): WeekChoice[] {
  return weeks.map((w, i) => ({
    value: w.weekStart,
    label: t("reports.weekLabel", { n: i + 1, start: w.weekStart, days: w.schoolDays.length }),
  }));
}

/** ?week= must be one of the term's weeks (by its Monday); absent means the whole term. */
export function selectedWeek(req: Request, weeks: TermWeek[]): TermWeek | null {
  const raw = req.query.week;
  if (raw === undefined || raw === "") return null;
  const week = typeof raw === "string" ? weeks.find((w) => w.weekStart === raw) : undefined;
  if (!week) throw new HttpError(400, "reports.badWeek");
  return week;
}
