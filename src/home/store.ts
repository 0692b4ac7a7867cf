// The home pages' reads: the family and its children, the admin's counts, a
// class teacher's classes and roster, a child switch's check.
import type { DataSource } from "typeorm";
import { Club, Family, SchoolClass, Staff, Student } from "../db";

export function familyById(ds: DataSource, id: number): Promise<Family> {
  return ds.getRepository(Family).findOneByOrFail({ id });
}

export function childrenOf(ds: DataSource, familyId: number): Promise<Student[]> {
  return ds
    .getRepository(Student)
    .find({ where: { familyId, archived: false }, relations: { schoolClass: true }, order: { id: "ASC" } });
}

/** One of the family's current children, or null. */
export function childOf(ds: DataSource, familyId: number, id: number): Promise<Student | null> {
  return ds.getRepository(Student).findOneBy({ id, familyId, archived: false });
}

export async function schoolCounts(
  ds: DataSource,
): Promise<{ students: number; families: number; staff: number; clubs: number }> {
  const [students, families, staff, clubs] = await Promise.all([
    ds.getRepository(Student).countBy({ archived: false }),
    ds.getRepository(Family).count(),
    ds.getRepository(Staff).countBy({ active: true }),
    ds.getRepository(Club).countBy({ cancelled: false }),
  ]);
  return { students, families, staff, clubs };
}

export function classesTaughtBy(ds: DataSource, staffId: number): Promise<SchoolClass[]> {
  return ds.getRepository(SchoolClass).findBy({ classTeacherId: staffId, archived: false });
}

export async function rosterOf(ds: DataSource, classes: SchoolClass[]): Promise<Student[]> {
  return classes.length
    ? ds.getRepository(Student).find({
        where: classes.map((c) => ({ classId: c.id, archived: false })),
        relations: { family: true },
        order: { studentNumber: "ASC" },
      })
    : [];
}
