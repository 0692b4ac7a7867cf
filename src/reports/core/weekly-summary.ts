// The district's weekly summary: one week's participation, compliance,
// satisfaction and clubs, taken from the same figure functions as the pages.
import { ClubReportInput, clubReport } from "./club-report";
import { weekState } from "./happened";
import { attendanceFigure } from "./register-attendance";
import { ComplianceInput, ComplianceReport, complianceReport } from "./compliance-report";
import { Rate, sumRates } from "./rate";
import { IsoDate, schoolWeeks, TermWeek } from "./school-days";
import { GroupRates, studentParticipation, StudentParticipationInput } from "./student-participation";
import { SurveyInput, surveyResults } from "../../surveys/core";
import { ExternalSessions, teacherParticipation, TeacherParticipationInput } from "./teacher-participation";

export interface WeeklySummaryInput {
  week: TermWeek;
  students: Omit<StudentParticipationInput, "weeks">;
  staff: Omit<TeacherParticipationInput, "weeks">;
  /** Grades, checks and violations; the week's school days are used as the days. */
  compliance?: Omit<ComplianceInput, "schoolDays">;
  survey?: SurveyInput;
  clubs?: ClubReportInput;
  /** The school's today: a week with no school day before it is planned, and its rates are left empty. */
  today?: IsoDate;
}

export interface WeeklySummary {
  weekStart: IsoDate;
  schoolDays: IsoDate[];
  /** No school day of the week has happened yet: participation and attendance have no figure. */
  planned: boolean;
  /** Null when the week has no school days (nothing to count) or is planned. */
  students: GroupRates | null;
  teachers: { rate: Rate; externals: ExternalSessions[] } | null;
  compliance: ComplianceReport | null;
  survey: { replies: number; satisfaction: Rate | null } | null;
  /** Seats filled over seats, and attendance (attended ÷ expected) on this week's school days; attendance null when planned. */
  clubs: { fill: Rate; attendance: Rate | null; waitlisted: number } | null;
}

export function weeklySummary(input: WeeklySummaryInput): WeeklySummary {
  const weeks = [input.week];
  const days = schoolWeeks(weeks)[0]?.days ?? [];
  const dates = new Set(days.map((d) => d.date));
  const planned =
    input.today !== undefined &&
    days.length > 0 &&
    weekState(
      days.map((d) => d.date),
      input.today,
    ) === "planned";
  const students = planned ? undefined : studentParticipation({ ...input.students, weeks }).weeks[0];
  const teachers = planned ? undefined : teacherParticipation({ ...input.staff, weeks }).weeks[0];
  const clubs = input.clubs ? clubReport(input.clubs) : null;
  const survey = input.survey ? surveyResults(input.survey) : null;
  return {
    weekStart: input.week.weekStart,
    schoolDays: days.map((d) => d.date),
    planned,
    students: students ? { school: students.school, byGrade: students.byGrade, byClass: students.byClass } : null,
    teachers: teachers ? { rate: teachers.teachers, externals: teachers.externals } : null,
    compliance:
      input.compliance && days.length > 0 ? complianceReport({ ...input.compliance, schoolDays: days }) : null,
    survey: survey ? { replies: survey.replies, satisfaction: survey.satisfaction } : null,
    clubs:
      clubs && input.clubs
        ? {
            fill: sumRates(clubs.clubs.map((c) => c.fill)),
            attendance: planned ? null : attendanceFigure(input.clubs.attendance.filter((r) => dates.has(r.date))).rate,
            waitlisted: clubs.clubs.reduce((n, c) => n + c.waitlist, 0),
          }
        : null,
  };
}
