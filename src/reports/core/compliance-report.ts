// Compliance report (双减): on how many school days each grade met the
// sport-hour rule (校园体育一小时) and the homework limits, from the policy violations.
import { rate, Rate, sumRates } from "./rate";
import { IsoDate, normaliseSchoolDays, SchoolDay, SchoolDayInput } from "./school-days";

/** A policy Violation; an absent target field means "every grade / every date / every weekday". */
export interface ViolationInput {
  ruleId: string;
  severity: string;
  target: { grade?: number | null; date?: IsoDate | null; weekday?: number | null };
}
/** One line of the report, e.g. { key: "homework", ruleIds: ["homework-none-grades-1-2", "homework-max-minutes"] }. */
export interface ComplianceCheck {
  key: string;
  ruleIds: string[];
}

export interface ComplianceInput {
  schoolDays: Array<IsoDate | SchoolDayInput>;
  grades: number[];
  checks: ComplianceCheck[];
  violations: ViolationInput[];
}

export interface GradeCompliance {
  grade: number;
  met: Rate;
  failedDates: IsoDate[];
}
export interface CheckCompliance {
  key: string;
  school: Rate;
  byGrade: GradeCompliance[];
}
export interface ComplianceReport {
  days: number;
  checks: CheckCompliance[];
}

// A dated violation hits that date; a timetable-level one (a weekday, no date) hits every such day,
// make-up days by the weekday they run; one without a grade hits every grade.
export function violationTargets(v: ViolationInput, grade: number, day: SchoolDay): boolean {
  const t = v.target ?? {};
  const onDay = t.date != null ? t.date === day.date : t.weekday == null || t.weekday === day.weekday;
  return (t.grade == null || t.grade === grade) && onDay;
}

// A day meets a check when no violation of any of its rules targets that grade and day, whatever the severity.
export function dayMeetsCheck(
  violations: ViolationInput[],
  check: ComplianceCheck,
  grade: number,
  day: SchoolDay,
): boolean {
  return !violations.some((v) => check.ruleIds.includes(v.ruleId) && violationTargets(v, grade, day));
}

export function complianceReport(input: ComplianceInput): ComplianceReport {
  const days = [...new Map(normaliseSchoolDays(input.schoolDays).map((d) => [d.date, d])).values()].sort((a, b) =>
    a.date.localeCompare(b.date),
  );
  const grades = [...new Set(input.grades)].sort((a, b) => a - b);
  const checks = input.checks.map((check): CheckCompliance => {
    const byGrade = grades.map((grade) => {
      const failedDates = days.filter((d) => !dayMeetsCheck(input.violations, check, grade, d)).map((d) => d.date);
      return { grade, met: rate(days.length - failedDates.length, days.length), failedDates };
    });
    return { key: check.key, school: sumRates(byGrade.map((g) => g.met)), byGrade };
  });
  return { days: days.length, checks };
}
