// Policy compliance (双减): on how many school days each grade met the one-hour
// sport rule and the homework limits, with every violation listed.
import type { Request } from "express";
import type { DataSource } from "typeorm";
import type { TFunction } from "i18next";
import { barChart, complianceReport, complianceTable, type Table } from "./core";
import type { Violation } from "../policy";
import { schoolToday } from "../kernel";
import { pageCount, pageOf } from "../http";
import { termContext } from "./store/report-data";
import { complianceViolations, COMPLIANCE_CHECKS, ruleTitles } from "./store/compliance-source";
import type { ReportView } from "./report-view";
import { gradeNamer, rateBars } from "./texts";

const PAGE_SIZE = 50;

export async function complianceView(
  ds: DataSource,
  req: Request,
  t: TFunction,
  locale: "zh-CN" | "en",
): Promise<ReportView> {
  const base: ReportView = {
    name: "compliance",
    title: t("reports.compliance.title"),
    intro: t("reports.compliance.intro"),
    notes: [],
    charts: [],
    tables: [],
  };
  const ctx = await termContext(ds);
  if (!ctx) return { ...base, notes: [t("reports.noTerm")] };
  const source = await complianceViolations(ds, ctx.cal.term.id);
  if (!source.available) return { ...base, notes: [t("reports.compliance.notAvailable")] };
  const today = await schoolToday(ds);
  // Days that have happened; before the term starts, the whole term as planned.
  const past = ctx.cal.dates.filter((d) => d <= today);
  const days = past.length > 0 ? past : ctx.cal.dates;
  const schoolDays = days.map((date) => ({ date, weekday: ctx.cal.weekdayOf.get(date)! }));
  const dayset = new Set(days);
  const report = complianceReport({
    schoolDays,
    grades: source.grades,
    checks: COMPLIANCE_CHECKS,
    violations: source.violations.map((v) => ({
      ruleId: v.ruleId,
      severity: v.severity,
      target: { grade: v.target.grade ?? null, date: v.target.date ?? null, weekday: v.target.weekday ?? null },
    })),
  });
  const gradeName = gradeNamer(t);
  const checkName = (key: string) => t(`reports.compliance.check.${key}`);
  const summary = complianceTable(report, {
    title: t("reports.compliance.tableTitle"),
    headers: {
      check: t("reports.col.check"),
      grade: t("reports.col.grade"),
      count: t("reports.col.daysMet"),
      total: t("reports.col.schoolDays"),
      rate: t("reports.col.metRate"),
    },
    checkName,
    gradeName,
    schoolName: t("reports.school"),
  });
  const titles = ruleTitles(locale);
  const listed = source.violations.filter((v) => v.target.date == null || dayset.has(v.target.date)).sort(byDate);
  const violations: Table = {
    title: t("reports.compliance.violationsTitle"),
    columns: [
      { key: "rule", header: t("reports.col.rule") },
      { key: "grade", header: t("reports.col.grade") },
      { key: "date", header: t("reports.col.date") },
      { key: "message", header: t("reports.col.message") },
    ],
    rows: listed.map((v) => ({
      rule: titles.get(v.ruleId) ?? v.ruleId,
      grade: v.target.grade != null ? gradeName(v.target.grade) : "",
      date: v.target.date ?? "",
      message: v.message[locale],
    })),
  };
  const page = pageOf(req.query, PAGE_SIZE);
  const pages = pageCount(listed.length, PAGE_SIZE);
  return {
    ...base,
    intro: `${base.intro} ${t("reports.compliance.range", { from: days[0] ?? "", to: days[days.length - 1] ?? "", days: report.days })}`,
    notes: past.length > 0 ? [] : [t("reports.compliance.planned")],
    charts: report.checks.map((c) =>
      barChart({
        id: `chart-${c.key}`,
        title: checkName(c.key),
        bars: rateBars([
          ...c.byGrade.map((g) => ({ label: gradeName(g.grade), rate: g.met })),
          { label: t("reports.school"), rate: c.school },
        ]),
      }),
    ),
    tables: [
      { key: "summary", table: summary },
      {
        key: "violations",
        table: violations,
        pageRows: { from: page.skip, to: page.skip + PAGE_SIZE, page: Math.min(page.page, pages), pages },
      },
    ],
  };
}

function byDate(a: Violation, b: Violation): number {
  return (
    (a.target.date ?? "").localeCompare(b.target.date ?? "") ||
    (a.target.grade ?? 0) - (b.target.grade ?? 0) ||
    a.ruleId.localeCompare(b.ruleId)
  );
}
