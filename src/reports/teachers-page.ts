// Teacher participation (教师参与率): teaching staff with at least one service
// session a week over all teaching staff; external instructors listed with their
// sessions. Weeks still to come are planned: listed with the label, never a rate,
// and the term figure is of the weeks so far.
import type { Request } from "express";
import type { DataSource } from "typeorm";
import type { TFunction } from "i18next";
import { barChart, teacherParticipation, weekState, type Table, type TermWeek } from "./core";
import { schoolToday } from "../kernel";
import { plannedSessions, staffInput, termContext } from "./store/report-data";
import type { ReportView } from "./report-view";
import { fractionHeaders, rateBars, selectedWeek, weekChoices } from "./texts";

export async function teachersView(ds: DataSource, req: Request, t: TFunction): Promise<ReportView> {
  const base: ReportView = {
    name: "teachers",
    title: t("reports.teachers.title"),
    intro: t("reports.teachers.intro"),
    notes: [],
    charts: [],
    tables: [],
  };
  const ctx = await termContext(ds);
  if (!ctx) return { ...base, notes: [t("reports.noTerm")] };
  const week = selectedWeek(req, ctx.weeks);
  const today = await schoolToday(ds);
  const dates = (w: TermWeek) => w.schoolDays.map((d) => (typeof d === "string" ? d : d.date));
  const isPlanned = (w: TermWeek) => weekState(dates(w), today) === "planned";
  const staff = await staffInput(ds);
  const result = teacherParticipation({
    staff,
    sessions: plannedSessions(ctx),
    weeks: ctx.weeks.filter((w) => !isPlanned(w)),
  });
  const begun = result.weeks.length > 0;
  const weekPlanned = week !== null && isPlanned(week);
  const chosen = week ? result.weeks.find((w) => w.weekStart === week.weekStart) : undefined;
  // A planned week, or a term not begun, has no figure: blank cells, not 0 %.
  const rate = chosen ? chosen.teachers : !week && begun ? result.term : null;
  const externals = chosen ? chosen.externals : week || !begun ? [] : result.externals;
  const names = new Map(staff.map((s) => [s.id, s.name]));

  const summary: Table = {
    title: t("reports.teachers.summaryTitle"),
    columns: [
      { key: "figure", header: t("reports.col.figure") },
      ...Object.entries(fractionHeaders(t)).map(([key, header]) => ({ key, header })),
    ],
    rows: [
      {
        figure: week ? t("reports.teachers.rateWeek", { start: week.weekStart }) : t("reports.teachers.rateTerm"),
        count: rate?.numerator ?? null,
        total: rate?.denominator ?? null,
        rate,
      },
      ...(begun
        ? [
            {
              figure: t("reports.teachers.staffWeeks"),
              count: result.termStaffWeeks.numerator,
              total: result.termStaffWeeks.denominator,
              rate: result.termStaffWeeks,
            },
          ]
        : []),
    ],
  };
  const weeks: Table = {
    title: t("reports.teachers.weeksTitle"),
    columns: [
      { key: "week", header: t("reports.col.week") },
      { key: "state", header: t("reports.col.weekState") },
      ...Object.entries(fractionHeaders(t)).map(([key, header]) => ({ key, header })),
    ],
    rows: ctx.weeks
      .filter((w) => w.schoolDays.length > 0)
      .map((w) => {
        const held = result.weeks.find((x) => x.weekStart === w.weekStart);
        return held
          ? {
              week: w.weekStart,
              state: t(`reports.weekState.${weekState(dates(w), today)}`),
              count: held.teachers.numerator,
              total: held.teachers.denominator,
              rate: held.teachers,
            }
          : { week: w.weekStart, state: t("reports.weekState.planned"), count: null, total: null, rate: null };
      }),
  };
  const externalTable: Table = {
    title: t("reports.teachers.externalsTitle"),
    columns: [
      { key: "name", header: t("reports.col.name") },
      { key: "sessions", header: t("reports.col.sessions") },
    ],
    rows: externals.map((e) => ({ name: e.name, sessions: e.sessions })),
  };
  const without: Table = {
    title: t("reports.teachers.withoutTitle"),
    columns: [{ key: "name", header: t("reports.col.name") }],
    rows: begun ? result.teachersWithoutSessions.map((id) => ({ name: names.get(id) ?? id })) : [],
  };
  return {
    ...base,
    notes: [
      ...(weekPlanned ? [t("reports.participation.weekPlanned", { start: week.weekStart })] : []),
      ...(!week && !begun ? [t("reports.participation.notStarted", { start: ctx.cal.term.startDate })] : []),
    ],
    charts: [
      barChart({
        id: "chart-teacher-weeks",
        title: t("reports.teachers.byWeek"),
        bars: rateBars(result.weeks.map((w) => ({ label: w.weekStart, rate: w.teachers }))),
      }),
      barChart({
        id: "chart-externals",
        title: t("reports.teachers.externalsChart"),
        bars: externals.map((e) => ({ label: e.name, value: e.sessions })),
      }),
    ],
    tables: [
      { key: "summary", table: summary },
      { key: "weeks", table: weeks },
      { key: "externals", table: externalTable },
      { key: "without", table: without },
    ],
    weeks: { options: weekChoices(t, ctx.weeks), selected: week?.weekStart ?? null, allowTerm: true },
  };
}
