// Teacher participation (教师参与率): teaching staff with at least one service
// session a week over all teaching staff; external instructors listed with their sessions.
import type { Request } from "express";
import type { DataSource } from "typeorm";
import type { TFunction } from "i18next";
import { barChart, teacherParticipation, type Table } from "../index";
import { plannedSessions, staffInput, termContext } from "./report-data";
import type { ReportView } from "./report-view";
import { fractionHeaders, rateBars, selectedWeek, weekChoices } from "./texts";

export async function teachersView(ds: DataSource, req: Request, t: TFunction): Promise<ReportView> {
  const base: ReportView = { name: "teachers", title: t("reports.teachers.title"), intro: t("reports.teachers.intro"), notes: [], charts: [], tables: [] };
  const ctx = await termContext(ds);
  if (!ctx) return { ...base, notes: [t("reports.noTerm")] };
  const week = selectedWeek(req, ctx.weeks);
  const staff = await staffInput(ds);
  const result = teacherParticipation({ staff, sessions: plannedSessions(ctx), weeks: ctx.weeks });
  const chosen = week ? result.weeks.find((w) => w.weekStart === week.weekStart) : undefined;
  const rate = chosen ? chosen.teachers : result.term;
  const externals = chosen ? chosen.externals : result.externals;
  const names = new Map(staff.map((s) => [s.id, s.name]));

  const summary: Table = {
    title: t("reports.teachers.summaryTitle"),
    columns: [{ key: "figure", header: t("reports.col.figure") }, ...Object.entries(fractionHeaders(t)).map(([key, header]) => ({ key, header }))],
    rows: [
      { figure: week ? t("reports.teachers.rateWeek", { start: week.weekStart }) : t("reports.teachers.rateTerm"), count: rate.numerator, total: rate.denominator, rate },
      { figure: t("reports.teachers.staffWeeks"), count: result.termStaffWeeks.numerator, total: result.termStaffWeeks.denominator, rate: result.termStaffWeeks },
    ],
  };
  const weeks: Table = {
    title: t("reports.teachers.weeksTitle"),
    columns: [{ key: "week", header: t("reports.col.week") }, ...Object.entries(fractionHeaders(t)).map(([key, header]) => ({ key, header }))],
    rows: result.weeks.map((w) => ({ week: w.weekStart, count: w.teachers.numerator, total: w.teachers.denominator, rate: w.teachers })),
  };
  const externalTable: Table = {
    title: t("reports.teachers.externalsTitle"),
    columns: [{ key: "name", header: t("reports.col.name") }, { key: "sessions", header: t("reports.col.sessions") }],
    rows: externals.map((e) => ({ name: e.name, sessions: e.sessions })),
  };
  const without: Table = {
    title: t("reports.teachers.withoutTitle"),
    columns: [{ key: "name", header: t("reports.col.name") }],
    rows: result.teachersWithoutSessions.map((id) => ({ name: names.get(id) ?? id })),
  };
  return {
    ...base,
    charts: [
      barChart({ id: "chart-teacher-weeks", title: t("reports.teachers.byWeek"), bars: rateBars(result.weeks.map((w) => ({ label: w.weekStart, rate: w.teachers }))) }),
      barChart({ id: "chart-externals", title: t("reports.teachers.externalsChart"), bars: externals.map((e) => ({ label: e.name, value: e.sessions })) }),
    ],
    tables: [{ key: "summary", table: summary }, { key: "weeks", table: weeks }, { key: "externals", table: externalTable }, { key: "without", table: without }],
    weeks: { options: weekChoices(t, ctx.weeks), selected: week?.weekStart ?? null, allowTerm: true },
  };
}
