// Student participation (学生参与率) page and exports: children enrolled at least
// one day a week over all children, by class, grade and school, per week and for
// the term so far; and attendance (出勤率: attended ÷ expected, from registers)
// for the days that have happened. Weeks still to come are listed as planned,
// with no rate: an opt-in for next month is a plan, not a result.
import type { Request } from "express";
import type { DataSource } from "typeorm";
import type { TFunction } from "i18next";
import {
  attendanceFigure,
  barChart,
  participationTable,
  sessionAttendance,
  studentParticipation,
  type AttendanceFigure,
  type SessionAttendance,
  type Table,
  type TermWeek,
} from "./core";
import { schoolToday } from "../kernel";
import { studentsInput, termContext } from "./store/report-data";
import { termRegisters } from "./store/register-source";
import type { ReportView } from "./report-view";
import { fractionHeaders, gradeNamer, rateBars, selectedWeek, weekChoices } from "./texts";

// Attendance cells of a row: attended, expected, the rate, and registers taken of sessions held.
const attendanceCells = (f: AttendanceFigure | null) =>
  f
    ? {
        attended: f.rate.numerator,
        expected: f.rate.denominator,
        attendance: f.rate,
        registers: `${f.registers}/${f.sessions}`,
      }
    : { attended: null, expected: null, attendance: null, registers: null };

function byWeek(rows: SessionAttendance[], weeks: TermWeek[]): Map<string, AttendanceFigure> {
  const weekOf = new Map(
    weeks.flatMap((w) => w.schoolDays.map((d) => [typeof d === "string" ? d : d.date, w.weekStart] as const)),
  );
  return new Map(
    weeks.map((w) => [w.weekStart, attendanceFigure(rows.filter((r) => weekOf.get(r.date) === w.weekStart))]),
  );
}

export async function participationView(ds: DataSource, req: Request, t: TFunction): Promise<ReportView> {
  const base: ReportView = {
    name: "participation",
    title: t("reports.participation.title"),
    intro: t("reports.participation.intro"),
    notes: [],
    charts: [],
    tables: [],
  };
  const ctx = await termContext(ds);
  if (!ctx) return { ...base, notes: [t("reports.noTerm")] };
  const week = selectedWeek(req, ctx.weeks);
  const today = await schoolToday(ds);
  const [input, registers] = await Promise.all([studentsInput(ds, ctx), termRegisters(ds, ctx, today)]);
  const result = studentParticipation({ ...input, weeks: ctx.weeks, today });
  const held = sessionAttendance(registers.sessions, registers.marks, today);
  const weekAttendance = byWeek(held, ctx.weeks);
  const termAttendance = attendanceFigure(held);
  const weekPlanned = week !== null && result.planned.some((w) => w.weekStart === week.weekStart);
  const groups = week ? (result.weeks.find((w) => w.weekStart === week.weekStart) ?? null) : result.term;
  const gradeName = gradeNamer(t);
  const scope = week
    ? t("reports.scopeWeek", { start: week.weekStart })
    : t("reports.scopeTermSoFar", { term: ctx.cal.term.name, today });
  const scopeLabel = week ? t("reports.weekOf", { start: week.weekStart }) : ctx.cal.term.name;

  const byGroup = participationTable(
    groups ?? { school: { numerator: 0, denominator: 0, value: null }, byGrade: [], byClass: [] },
    {
      title: t("reports.participation.tableTitle"),
      headers: { name: t("reports.col.group"), grade: t("reports.col.grade"), ...fractionHeaders(t) },
      gradeName,
      schoolName: t("reports.school"),
    },
  );
  // Before anything has happened there is no row to show, not a 0 %.
  if (!groups) byGroup.rows = [];
  const weeks: Table = {
    title: t("reports.participation.weeksTitle"),
    columns: [
      { key: "week", header: t("reports.col.week") },
      { key: "days", header: t("reports.col.schoolDays") },
      { key: "state", header: t("reports.col.weekState") },
      { key: "count", header: t("reports.col.count") },
      { key: "total", header: t("reports.col.total") },
      { key: "rate", header: t("reports.col.rate") },
      { key: "attended", header: t("reports.col.attended") },
      { key: "expected", header: t("reports.col.expected") },
      { key: "attendance", header: t("reports.col.attendanceRate") },
      { key: "registers", header: t("reports.col.registers") },
    ],
    rows: [
      ...[...result.weeks, ...result.planned]
        .sort((a, b) => a.weekStart.localeCompare(b.weekStart))
        .map((w) =>
          w.state === "planned"
            ? {
                week: w.weekStart,
                days: w.schoolDays,
                state: t("reports.weekState.planned"),
                count: null,
                total: null,
                rate: null,
                ...attendanceCells(null),
              }
            : {
                week: w.weekStart,
                days: w.schoolDays,
                state: t(`reports.weekState.${w.state}`),
                count: w.school.numerator,
                total: w.school.denominator,
                rate: w.school,
                ...attendanceCells(weekAttendance.get(w.weekStart)!),
              },
        ),
      ...(result.termChildWeeks
        ? [
            {
              week: t("reports.termChildWeeksSoFar"),
              days: null,
              state: null,
              count: result.termChildWeeks.school.numerator,
              total: result.termChildWeeks.school.denominator,
              rate: result.termChildWeeks.school,
              ...attendanceCells(termAttendance),
            },
          ]
        : []),
    ],
  };
  const attendanceWeeks = result.weeks.filter((w) => weekAttendance.get(w.weekStart)!.registers > 0);
  const charts = groups
    ? [
        barChart({
          id: "chart-grades",
          title: `${t("reports.participation.byGrade")} · ${scopeLabel}`,
          bars: rateBars(groups.byGrade.map((g) => ({ label: gradeName(g.grade), rate: g.rate }))).concat(
            rateBars([{ label: t("reports.school"), rate: groups.school }]),
          ),
        }),
        barChart({
          id: "chart-classes",
          title: `${t("reports.participation.byClass")} · ${scopeLabel}`,
          bars: rateBars(groups.byClass.map((c) => ({ label: c.name, rate: c.rate }))),
        }),
      ]
    : [];
  if (result.weeks.length)
    charts.push(
      barChart({
        id: "chart-weeks",
        title: t("reports.participation.byWeek"),
        bars: rateBars(result.weeks.map((w) => ({ label: w.weekStart, rate: w.school }))),
      }),
    );
  if (attendanceWeeks.length)
    charts.push(
      barChart({
        id: "chart-attendance-weeks",
        title: t("reports.participation.attendanceByWeek"),
        bars: rateBars(
          attendanceWeeks.map((w) => ({ label: w.weekStart, rate: weekAttendance.get(w.weekStart)!.rate })),
        ),
      }),
    );
  const notes = [
    ...(input.enrollments.length === 0 ? [t("reports.participation.noEnrollments")] : []),
    ...(weekPlanned ? [t("reports.participation.weekPlanned", { start: week.weekStart })] : []),
    ...(!week && !result.term ? [t("reports.participation.notStarted", { start: ctx.cal.term.startDate })] : []),
    ...(result.planned.length
      ? [t("reports.participation.plannedWeeks", { n: result.planned.length, from: result.planned[0].weekStart })]
      : []),
    ...(result.weeks.length && termAttendance.registers === 0 ? [t("reports.attendance.noRegisters")] : []),
  ];
  return {
    ...base,
    intro: `${base.intro} ${t("reports.participation.attendanceIntro")} ${scope}`,
    notes,
    charts,
    tables: [
      { key: "groups", table: byGroup },
      { key: "weeks", table: weeks },
    ],
    weeks: { options: weekChoices(t, ctx.weeks), selected: week?.weekStart ?? null, allowTerm: true },
  };
}
