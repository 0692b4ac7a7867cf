// The district's weekly summary: one week's participation, compliance,
// satisfaction and clubs, taken from the same figure functions as the pages.
import { ClubReportInput, clubReport, attendanceRate } from "./club-report";
import { ComplianceInput, ComplianceReport, complianceReport } from "./compliance-report";
import { Rate, sumRates } from "./rate";
import { IsoDate, schoolWeeks, TermWeek } from "./school-days";
import { GroupRates, studentParticipation, StudentParticipationInput } from "./student-participation";
import { SurveyInput, surveyResults } from "./survey-results";
import { ExternalSessions, teacherParticipation, TeacherParticipationInput } from "./teacher-participation";

export interface WeeklySummaryInput {
  week: TermWeek;
  students: Omit<StudentParticipationInput, "weeks">;
  staff: Omit<TeacherParticipationInput, "weeks">;
  /** Grades, checks and violations; the week's school days are used as the days. */
  compliance?: Omit<ComplianceInput, "schoolDays">;
  survey?: SurveyInput;
  clubs?: ClubReportInput;
}

export interface WeeklySummary {
  weekStart: IsoDate;
  schoolDays: IsoDate[];
  /** Null when the week has no school days (nothing to count). */
  students: GroupRates | null;
  teachers: { rate: Rate; externals: ExternalSessions[] } | null;
  compliance: ComplianceReport | null;
  survey: { replies: number; satisfaction: Rate | null } | null;
  /** Seats filled over seats, and attendance marked on this week's school days. */
  clubs: { fill: Rate; attendance: Rate; waitlisted: number } | null;
}

export function weeklySummary(input: WeeklySummaryInput): WeeklySummary {
  const weeks = [input.week];
  const days = schoolWeeks(weeks)[0]?.days ?? [];
  const dates = new Set(days.map((d) => d.date));
  const students = studentParticipation({ ...input.students, weeks }).weeks[0];
  const teachers = teacherParticipation({ ...input.staff, weeks }).weeks[0];
  const clubs = input.clubs ? clubReport(input.clubs) : null;
  const survey = input.survey ? surveyResults(input.survey) : null;
  return {
    weekStart: input.week.weekStart,
    schoolDays: days.map((d) => d.date),
    students: students ? { school: students.school, byGrade: students.byGrade, byClass: students.byClass } : null,
    teachers: teachers ? { rate: teachers.teachers, externals: teachers.externals } : null,
    compliance: input.compliance && days.length > 0 ? complianceReport({ ...input.compliance, schoolDays: days }) : null,
    survey: survey ? { replies: survey.replies, satisfaction: survey.satisfaction } : null,
    clubs: clubs && input.clubs ? {
      fill: sumRates(clubs.clubs.map((c) => c.fill)),
      attendance: attendanceRate(input.clubs.attendance.filter((r) => dates.has(r.date))),
      waitlisted: clubs.clubs.reduce((n, c) => n + c.waitlist, 0),
    } : null,
  };
}
