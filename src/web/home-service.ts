// What each role sees first. Families see only their own children; a class
// teacher sees their class; teachers and instructors their sessions.
import type { DataSource } from "typeorm";
import { Club, Family, SchoolClass, Staff, Student, TimetableEntry } from "../db/entities";
import type { SessionUser } from "./session-user";

export type Home = { view: "admin" | "class-teacher" | "teacher" | "family"; data: Record<string, unknown> };

async function sessionsOf(ds: DataSource, staffId: number) {
  return ds.getRepository(TimetableEntry).find({ where: { staffId }, order: { weekday: "ASC", periodId: "ASC" } });
}

export async function homeFor(ds: DataSource, user: SessionUser): Promise<Home> {
  if (user.kind === "family") {
    const family = await ds.getRepository(Family).findOneByOrFail({ id: user.id });
    const children = await ds.getRepository(Student).find({ where: { familyId: user.id, archived: false }, relations: { schoolClass: true }, order: { id: "ASC" } });
    return { view: "family", data: { family, children, activeId: user.studentId } };
  }
  if (user.role === "admin") {
    const [students, families, staff, clubs] = await Promise.all([
      ds.getRepository(Student).countBy({ archived: false }),
      ds.getRepository(Family).count(),
      ds.getRepository(Staff).countBy({ active: true }),
      ds.getRepository(Club).countBy({ cancelled: false }),
    ]);
    return { view: "admin", data: { counts: { students, families, staff, clubs } } };
  }
  const sessions = await sessionsOf(ds, user.id);
  if (user.role === "class_teacher") {
    const classes = await ds.getRepository(SchoolClass).findBy({ classTeacherId: user.id, archived: false });
    const roster = classes.length
      ? await ds.getRepository(Student).find({ where: classes.map((c) => ({ classId: c.id, archived: false })), relations: { family: true }, order: { studentNumber: "ASC" } })
      : [];
    return { view: "class-teacher", data: { classes, roster, sessions } };
  }
  return { view: "teacher", data: { sessions, external: user.role === "external" } };
}
