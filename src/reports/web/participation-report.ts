// Student participation (学生参与率) page and exports: children enrolled at least
// one day a week over all children, by class, grade and school, per week and per term.
import type { Request } from "express";
import type { DataSource } from "typeorm";
import type { TFunction } from "i18next";
import { barChart, participationTable, studentParticipation, type Table } from "../index";
import { studentsInput, termContext } from "./report-data";
import type { ReportView } from "./report-view";
import { fractionHeaders, gradeNamer, rateBars, selectedWeek, weekChoices } from "./texts";

export async function participationView(ds: DataSource, req: Request, t: TFunction): Promise<ReportView> {
  const base: ReportView = { name: "participation", title: t("reports.participation.title"), intro: t("reports.participation.intro"), notes: [], charts: [], tables: [] };
  const ctx = await termContext(ds);
  if (!ctx) return { ...base, notes: [t("reports.noTerm")] };
  const week = selectedWeek(req, ctx.weeks);
  const input = await studentsInput(ds, ctx);
  const result = studentParticipation({ ...input, weeks: ctx.weeks });
  const groups = week ? result.weeks.find((w) => w.weekStart === week.weekStart) ?? result.term : result.term;
  const gradeName = gradeNamer(t);
  const scope = week ? t("reports.scopeWeek", { start: week.weekStart }) : t("reports.scopeTerm", { term: ctx.cal.term.name });
  const scopeLabel = week ? t("reports.weekOf", { start: week.weekStart }) : ctx.cal.term.name;

  const byGroup = participationTable(groups, {
    title: t("reports.participation.tableTitle"),
    headers: { name: t("reports.col.group"), grade: t("reports.col.grade"), ...fractionHeaders(t) },
    gradeName, schoolName: t("reports.school"),
  });
  const weeks: Table = {
    title: t("reports.participation.weeksTitle"),
    columns: [
      { key: "week", header: t("reports.col.week") }, { key: "days", header: t("reports.col.schoolDays") },
      { key: "count", header: t("reports.col.count") }, { key: "total", header: t("reports.col.total") }, { key: "rate", header: t("reports.col.rate") },
    ],
    rows: [
      ...result.weeks.map((w) => ({ week: w.weekStart, days: w.schoolDays, count: w.school.numerator, total: w.school.denominator, rate: w.school })),
      { week: t("reports.termChildWeeks"), days: null, count: result.termChildWeeks.school.numerator, total: result.termChildWeeks.school.denominator, rate: result.termChildWeeks.school },
    ],
  };
  const charts = [
    barChart({ id: "chart-grades", title: `${t("reports.participation.byGrade")} · ${scopeLabel}`, bars: rateBars(groups.byGrade.map((g) => ({ label: gradeName(g.grade), rate: g.rate }))).concat(rateBars([{ label: t("reports.school"), rate: groups.school }])) }),
    barChart({ id: "chart-classes", title: `${t("reports.participation.byClass")} · ${scopeLabel}`, bars: rateBars(groups.byClass.map((c) => ({ label: c.name, rate: c.rate }))) }),
    barChart({ id: "chart-weeks", title: t("reports.participation.byWeek"), bars: rateBars(result.weeks.map((w) => ({ label: w.weekStart, rate: w.school }))) }),
  ];
  return {
    ...base,
    intro: `${base.intro} ${scope}`,
    notes: input.enrollments.length === 0 ? [t("reports.participation.noEnrollments")] : [],
    charts,
    tables: [{ key: "groups", table: byGroup }, { key: "weeks", table: weeks }],
    weeks: { options: weekChoices(t, ctx.weeks), selected: week?.weekStart ?? null, allowTerm: true },
  };
}
