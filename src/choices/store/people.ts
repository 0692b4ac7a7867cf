// The people a round's pages name: a staff member's name, a child by the
// student number on a paper slip, the classes a class teacher leads.
import type { EntityManager } from "typeorm";
import { SchoolClass, Staff, Student } from "../../db";

type Repos = Pick<EntityManager, "getRepository">;

export async function staffNameOf(db: Repos, id: number): Promise<string | null> {
  const staff = await db.getRepository(Staff).findOne({ select: { id: true, name: true }, where: { id } });
  return staff?.name ?? null;
}

export const studentByNumber = (db: Repos, studentNumber: string): Promise<Student | null> =>
  db.getRepository(Student).findOneBy({ studentNumber, archived: false });

export async function classesLedBy(db: Repos, staffId: number): Promise<number[]> {
  const classes = await db
    .getRepository(SchoolClass)
    .find({ select: { id: true }, where: { classTeacherId: staffId, archived: false } });
  return classes.map((c) => c.id);
}
