// How many children a session expects, for the venue-capacity rule. The service is
// voluntary: once families have opted in, only children enrolled on that weekday count;
// before any opt-in, every child of the class or grade does.
import type { DataSource } from "typeorm";
import { SchoolClass, ServiceEnrollment, Student } from "../../db";

export interface Headcount {
  ofClass(classId: number, weekday: number): number;
  ofGrade(grade: number, weekday: number): number;
}

export async function loadHeadcount(ds: DataSource, termId: number): Promise<Headcount> {
  const [students, classes, enrollments] = await Promise.all([
    ds.getRepository(Student).find({ select: { id: true, classId: true }, where: { archived: false } }),
    ds.getRepository(SchoolClass).find({ select: { id: true, grade: true } }),
    ds.getRepository(ServiceEnrollment).find({ select: { studentId: true, weekdays: true }, where: { termId } }),
  ]);
  const gradeOf = new Map(classes.map((c) => [c.id, c.grade]));
  const optedIn = new Map(enrollments.map((e) => [e.studentId, e.weekdays]));
  const anyOptIn = enrollments.length > 0;
  const counts = new Map<string, number>();
  const bump = (key: string) => counts.set(key, (counts.get(key) ?? 0) + 1);
  for (const s of students) {
    for (let weekday = 1; weekday <= 5; weekday++) {
      if (anyOptIn && !(optedIn.get(s.id) ?? []).includes(weekday)) continue;
      bump(`c${s.classId}|${weekday}`);
      bump(`g${gradeOf.get(s.classId)}|${weekday}`);
    }
  }
  return {
    ofClass: (classId, weekday) => counts.get(`c${classId}|${weekday}`) ?? 0,
    ofGrade: (grade, weekday) => counts.get(`g${grade}|${weekday}`) ?? 0,
  };
}
