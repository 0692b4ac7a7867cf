// Student participation (学生参与率): children enrolled in the service at least
// one day a week over all children — by class, by grade and for the school.
import { rate, Rate } from "./rate";
import { weekState, type WeekState } from "./happened";
import { assertIsoDate, IsoDate, SchoolDay, schoolWeeks, TermWeek } from "./school-days";

export interface StudentInput {
  id: string;
  classId: string;
  grade: number;
}
export interface ClassInput {
  id: string;
  grade: number;
  name: string;
}
/** A ServiceEnrollment: the weekdays (1 = Mon … 7 = Sun) a child opted in, from `from` to `to` (both inclusive; no `to` = to term end). */
export interface EnrollmentInput {
  studentId: string;
  days: number[];
  from: IsoDate;
  to?: IsoDate | null;
}

export interface StudentParticipationInput {
  students: StudentInput[];
  classes: ClassInput[];
  enrollments: EnrollmentInput[];
  weeks: TermWeek[];
  /** The school's today: weeks with no school day before it are planned and get no rate. Absent: every week counts. */
  today?: IsoDate;
}

export interface GradeRate {
  grade: number;
  rate: Rate;
}
export interface ClassRate {
  classId: string;
  name: string;
  grade: number;
  rate: Rate;
}
export interface GroupRates {
  school: Rate;
  byGrade: GradeRate[];
  byClass: ClassRate[];
}
export interface WeekParticipation extends GroupRates {
  weekStart: IsoDate;
  schoolDays: number;
  state: Exclude<WeekState, "planned">;
}
/** A week that has not begun: what is planned, with no rate (an opt-in is not yet participation). */
export interface PlannedWeek {
  weekStart: IsoDate;
  schoolDays: number;
  state: "planned";
}

export interface StudentParticipation {
  /** The weeks that have begun (every week when no today is given). */
  weeks: WeekParticipation[];
  /** The weeks still to come. */
  planned: PlannedWeek[];
  /** Children in the service in at least one week so far, over all children; null before the first week has begun. */
  term: GroupRates | null;
  /** Child-weeks in the service over child-weeks so far (the weekly rates pooled); null before the first week. */
  termChildWeeks: GroupRates | null;
}

// An enrollment counts on a school day only while it holds and only on the weekdays chosen.
export function enrolledOn(e: EnrollmentInput, day: SchoolDay): boolean {
  return day.date >= e.from && (e.to == null || day.date <= e.to) && e.days.includes(day.weekday);
}

// "At least one day a week": one enrolled school day in the week is enough; a holiday
// that removes a child's only day means the child is not in the service that week.
export function enrolledInWeek(enrollments: EnrollmentInput[], days: SchoolDay[]): boolean {
  return enrollments.some((e) => days.some((d) => enrolledOn(e, d)));
}

// Counts children per class, per grade and for the school; a class with no children keeps a 0/0 (null) rate.
export function groupRates(
  students: StudentInput[],
  classes: ClassInput[],
  counted: (s: StudentInput) => number,
  weight = 1,
): GroupRates {
  const tally = () => ({ n: 0, d: 0 });
  const byClass = new Map(classes.map((c) => [c.id, tally()]));
  const byGrade = new Map<number, { n: number; d: number }>(classes.map((c) => [c.grade, tally()]));
  const school = tally();
  for (const s of students) {
    const n = counted(s);
    if (!byGrade.has(s.grade)) byGrade.set(s.grade, tally());
    for (const t of [school, byClass.get(s.classId), byGrade.get(s.grade)]) {
      if (!t) continue;
      t.n += n;
      t.d += weight;
    }
  }
  return {
    school: rate(school.n, school.d),
    byGrade: [...byGrade.entries()].sort(([a], [b]) => a - b).map(([grade, t]) => ({ grade, rate: rate(t.n, t.d) })),
    byClass: classes.map((c) => {
      const t = byClass.get(c.id)!;
      return { classId: c.id, name: c.name, grade: c.grade, rate: rate(t.n, t.d) };
    }),
  };
}

function uniqueStudents(students: StudentInput[]): StudentInput[] {
  return [...new Map(students.map((s) => [s.id, s])).values()];
}

export function studentParticipation(input: StudentParticipationInput): StudentParticipation {
  const students = uniqueStudents(input.students);
  const classes = [...new Map(input.classes.map((c) => [c.id, c])).values()];
  const byStudent = new Map<string, EnrollmentInput[]>();
  input.enrollments.forEach((e, i) => {
    assertIsoDate(e.from, `enrollments[${i}].from`);
    if (e.to != null) assertIsoDate(e.to, `enrollments[${i}].to`);
    byStudent.set(e.studentId, [...(byStudent.get(e.studentId) ?? []), e]);
  });
  if (input.today !== undefined) assertIsoDate(input.today, "today");
  const all = schoolWeeks(input.weeks).map((w) => ({
    ...w,
    state:
      input.today === undefined
        ? ("done" as const)
        : weekState(
            w.days.map((d) => d.date),
            input.today,
          ),
  }));
  const weeks = all.flatMap((w) => (w.state === "planned" ? [] : [{ ...w, state: w.state }]));
  const planned = all
    .filter((w) => w.state === "planned")
    .map((w): PlannedWeek => ({ weekStart: w.weekStart, schoolDays: w.days.length, state: "planned" }));
  const inWeek = weeks.map(
    (w) => new Set(students.filter((s) => enrolledInWeek(byStudent.get(s.id) ?? [], w.days)).map((s) => s.id)),
  );
  const weekRates = weeks.map((w, i) => ({
    weekStart: w.weekStart,
    schoolDays: w.days.length,
    state: w.state,
    ...groupRates(students, classes, (s) => (inWeek[i].has(s.id) ? 1 : 0)),
  }));
  const begun = weeks.length > 0;
  return {
    weeks: weekRates,
    planned,
    term: begun ? groupRates(students, classes, (s) => (inWeek.some((set) => set.has(s.id)) ? 1 : 0)) : null,
    termChildWeeks: begun
      ? groupRates(students, classes, (s) => inWeek.filter((set) => set.has(s.id)).length, weeks.length)
      : null,
  };
}
