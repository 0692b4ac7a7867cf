// The weekly summary for the district: one week's participation, compliance,
// satisfaction and clubs on one printable page, from the same figure functions
// as the other reports.
import type { Request } from "express";
import type { DataSource } from "typeorm";
import type { TFunction } from "i18next";
import { barChart, weeklySummary, weeklySummaryTable, type Rate, type Table, type TermWeek } from "./core";
import { schoolToday, weekStartOf } from "../kernel";
import {
  clubAttendance,
  plannedSessions,
  staffInput,
  studentsInput,
  termClubs,
  termContext,
} from "./store/report-data";
import { complianceViolations, COMPLIANCE_CHECKS } from "./store/compliance-source";
import { publishedAllocation } from "./store/allocation-source";
import { latestSurveyInput } from "../surveys";
import type { ReportView } from "./report-view";
import { fractionHeaders, gradeNamer, rateBars, selectedWeek, weekChoices } from "./texts";

// Without ?week= the summary is of this week, or the last school week before today.
function defaultWeek(weeks: TermWeek[], today: string): TermWeek | undefined {
  const monday = weekStartOf(today);
  return (
    weeks.find((w) => w.weekStart === monday) ?? [...weeks].reverse().find((w) => w.weekStart <= monday) ?? weeks[0]
  );
}

export async function weeklyView(ds: DataSource, req: Request, t: TFunction): Promise<ReportView> {
  const base: ReportView = {
    name: "weekly",
    title: t("reports.weekly.title"),
    intro: t("reports.weekly.intro"),
    notes: [],
    charts: [],
    tables: [],
  };
  const ctx = await termContext(ds);
  if (!ctx || ctx.weeks.length === 0) return { ...base, notes: [t("reports.noTerm")] };
  const today = await schoolToday(ds);
  const week = selectedWeek(req, ctx.weeks) ?? defaultWeek(ctx.weeks, today)!;
  const clubs = await termClubs(ds, ctx.cal.term.id);
  const [students, staff, compliance, survey, allocation, attendance] = await Promise.all([
    studentsInput(ds, ctx),
    staffInput(ds),
    complianceViolations(ds, ctx.cal.term.id),
    latestSurveyInput(ds),
    publishedAllocation(ds, ctx.cal.term.id),
    clubAttendance(ds, ctx, today),
  ]);
  const summary = weeklySummary({
    week,
    today,
    students,
    staff: { staff, sessions: plannedSessions(ctx) },
    compliance: compliance.available
      ? {
          grades: compliance.grades,
          checks: COMPLIANCE_CHECKS,
          violations: compliance.violations.map((v) => ({
            ruleId: v.ruleId,
            severity: v.severity,
            target: { grade: v.target.grade ?? null, date: v.target.date ?? null, weekday: v.target.weekday ?? null },
          })),
        }
      : undefined,
    survey: survey?.input,
    clubs: {
      clubs: clubs.map((c) => ({ id: String(c.id), name: c.name, maxSize: c.maxSize })),
      allocation: allocation.allocation,
      attendance,
    },
  });
  const checkName = (key: string) => t(`reports.compliance.check.${key}`);
  const figures = weeklySummaryTable(summary, {
    title: t("reports.weekly.tableTitle"),
    headers: {
      figure: t("reports.col.figure"),
      count: t("reports.col.amount"),
      total: t("reports.col.total"),
      rate: t("reports.col.rate"),
    },
    labels: {
      students: t("reports.weekly.students"),
      teachers: t("reports.weekly.teachers"),
      satisfaction: t("reports.weekly.satisfaction"),
      clubFill: t("reports.weekly.clubFill"),
      clubAttendance: t("reports.weekly.clubAttendance"),
    },
    checkName,
  });
  const gradeName = gradeNamer(t);
  const grades: Table = {
    title: t("reports.weekly.gradesTitle"),
    columns: [
      { key: "grade", header: t("reports.col.grade") },
      ...Object.entries(fractionHeaders(t)).map(([key, header]) => ({ key, header })),
    ],
    rows: (summary.students?.byGrade ?? []).map((g) => ({
      grade: gradeName(g.grade),
      count: g.rate.numerator,
      total: g.rate.denominator,
      rate: g.rate,
    })),
  };
  const externals: Table = {
    title: t("reports.teachers.externalsTitle"),
    columns: [
      { key: "name", header: t("reports.col.name") },
      { key: "sessions", header: t("reports.col.sessions") },
    ],
    rows: (summary.teachers?.externals ?? []).map((e) => ({ name: e.name, sessions: e.sessions })),
  };
  const figureRows = figures.rows.map((r) => ({
    label: typeof r.figure === "string" ? r.figure : "",
    rate: r.rate as Rate,
  }));
  return {
    ...base,
    intro: t("reports.weekly.range", {
      start: summary.weekStart,
      days: summary.schoolDays.length,
      dates: summary.schoolDays.join(", "),
    }),
    notes: [
      ...(summary.planned ? [t("reports.weekly.planned", { start: summary.weekStart })] : []),
      ...(survey
        ? [t("reports.weekly.surveyUsed", { title: survey.survey.title, replies: survey.input.replies.length })]
        : []),
      ...(compliance.available ? [] : [t("reports.compliance.notAvailable")]),
      ...(allocation.published ? [] : [t("reports.clubs.notPublished")]),
    ],
    charts: [
      barChart({
        id: "chart-weekly",
        title: t("reports.weekly.chart", { start: summary.weekStart }),
        bars: rateBars(figureRows),
      }),
    ],
    tables: [
      { key: "figures", table: figures },
      { key: "grades", table: grades },
      { key: "externals", table: externals },
    ],
    weeks: { options: weekChoices(t, ctx.weeks), selected: week.weekStart, allowTerm: false },
  };
}
