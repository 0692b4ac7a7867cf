// Figures → Tables for the exports. Every text (title, headers, grade and
// check names) comes from the caller, already translated; numbers stay numbers.
import { ClubReport, RankProfile } from "./club-report";
import { ComplianceReport } from "./compliance-report";
import { Rate } from "./rate";
import { GroupRates } from "./student-participation";
import { SurveyResults } from "../../surveys/core";
import { Table } from "./table";
import { WeeklySummary } from "./weekly-summary";

type Headers<K extends string> = { title: string; headers: Record<K, string> };
const columns = <K extends string>(headers: Record<K, string>) =>
  (Object.keys(headers) as K[]).map((key) => ({ key, header: headers[key] }));
const fraction = (r: Rate) => ({ count: r.numerator, total: r.denominator, rate: r });

export interface ParticipationTexts extends Headers<"name" | "grade" | "count" | "total" | "rate"> {
  gradeName: (grade: number) => string;
  schoolName: string;
}

// Classes, then grades, then the school: the order a principal reads them in.
export function participationTable(g: GroupRates, t: ParticipationTexts): Table {
  return {
    title: t.title,
    columns: columns(t.headers),
    rows: [
      ...g.byClass.map((c) => ({ name: c.name, grade: t.gradeName(c.grade), ...fraction(c.rate) })),
      ...g.byGrade.map((r) => ({ name: t.gradeName(r.grade), grade: t.gradeName(r.grade), ...fraction(r.rate) })),
      { name: t.schoolName, grade: "", ...fraction(g.school) },
    ],
  };
}

export function clubTable(
  report: ClubReport,
  t: Headers<"name" | "members" | "maxSize" | "fill" | "waitlist" | "attendance" | "registers">,
): Table {
  return {
    title: t.title,
    columns: columns(t.headers),
    rows: report.clubs.map((c) => ({
      name: c.name,
      members: c.members,
      maxSize: c.maxSize,
      fill: c.fill,
      waitlist: c.waitlist,
      attendance: c.attendance,
      registers: c.registers,
    })),
  };
}

export interface RankProfileTexts extends Headers<"choice" | "count" | "share"> {
  rankLabels: string[];
  unrankedLabel: string;
}

export function rankProfileTable(p: RankProfile, t: RankProfileTexts): Table {
  return {
    title: t.title,
    columns: columns(t.headers),
    rows: [
      ...p.ranks.map((r) => ({ choice: t.rankLabels[r.rank - 1] ?? `#${r.rank}`, count: r.count, share: r.share })),
      ...(p.unranked.count > 0 ? [{ choice: t.unrankedLabel, count: p.unranked.count, share: p.unranked.share }] : []),
    ],
  };
}

export interface ComplianceTexts extends Headers<"check" | "grade" | "count" | "total" | "rate"> {
  checkName: (key: string) => string;
  gradeName: (grade: number) => string;
  schoolName: string;
}

export function complianceTable(report: ComplianceReport, t: ComplianceTexts): Table {
  return {
    title: t.title,
    columns: columns(t.headers),
    rows: report.checks.flatMap((c) => [
      ...c.byGrade.map((g) => ({ check: t.checkName(c.key), grade: t.gradeName(g.grade), ...fraction(g.met) })),
      { check: t.checkName(c.key), grade: t.schoolName, ...fraction(c.school) },
    ]),
  };
}

export interface SurveyTexts extends Headers<"question" | "option" | "count" | "share"> {
  satisfactionLabel: string;
}

// One row per option, then the question's satisfaction rate when it has one.
export function surveyTable(results: SurveyResults, t: SurveyTexts): Table {
  return {
    title: t.title,
    columns: columns(t.headers),
    rows: results.questions.flatMap((q) =>
      q.kind === "text"
        ? []
        : [
            ...q.options.map((o) => ({ question: q.text, option: o.label, count: o.count, share: o.share })),
            ...(q.satisfaction
              ? [
                  {
                    question: q.text,
                    option: t.satisfactionLabel,
                    count: q.satisfaction.numerator,
                    share: q.satisfaction,
                  },
                ]
              : []),
          ],
    ),
  };
}

// Free text without any respondent column: the export stays as anonymous as the page.
export function surveyTextTable(results: SurveyResults, t: Headers<"question" | "answer">): Table {
  return {
    title: t.title,
    columns: columns(t.headers),
    rows: results.questions.flatMap((q) =>
      q.kind === "text" ? q.answers.map((answer) => ({ question: q.text, answer })) : [],
    ),
  };
}

export interface WeeklySummaryTexts extends Headers<"figure" | "count" | "total" | "rate"> {
  labels: { students: string; teachers: string; satisfaction: string; clubFill: string; clubAttendance: string };
  checkName: (key: string) => string;
}

export function weeklySummaryTable(s: WeeklySummary, t: WeeklySummaryTexts): Table {
  const figures: Array<[string, Rate | null | undefined]> = [
    [t.labels.students, s.students?.school],
    [t.labels.teachers, s.teachers?.rate],
    ...(s.compliance?.checks ?? []).map((c): [string, Rate] => [t.checkName(c.key), c.school]),
    [t.labels.satisfaction, s.survey?.satisfaction],
    [t.labels.clubFill, s.clubs?.fill],
    [t.labels.clubAttendance, s.clubs?.attendance],
  ];
  return {
    title: t.title,
    columns: columns(t.headers),
    rows: figures.filter((f): f is [string, Rate] => f[1] != null).map(([figure, r]) => ({ figure, ...fraction(r) })),
  };
}
