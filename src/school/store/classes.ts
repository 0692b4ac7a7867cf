// Classes (班级), their class teachers and head counts.
import { type DataSource, type EntityManager, type FindOptionsWhere, Like, Not } from "typeorm";
import { SchoolClass, Staff, Student } from "../../db";

type Db = DataSource | EntityManager;
type ClassRow = Pick<SchoolClass, "name" | "grade" | "classTeacherId">;

export const classById = (db: Db, id: number): Promise<SchoolClass | null> =>
  db.getRepository(SchoolClass).findOneBy({ id });
export const classWithTeacher = (db: Db, id: number): Promise<SchoolClass | null> =>
  db.getRepository(SchoolClass).findOne({ where: { id }, relations: { classTeacher: true } });

/** Current classes by grade and name; only the given class teacher's when `teacherId` is set. */
export function currentClasses(db: Db, teacherId?: number): Promise<SchoolClass[]> {
  const where = teacherId === undefined ? { archived: false } : { archived: false, classTeacherId: teacherId };
  return db.getRepository(SchoolClass).find({ where, order: { grade: "ASC", name: "ASC" } });
}

/** A page of the class list: archived or current, one grade or all, name containing `q`. */
export function searchClasses(
  db: Db,
  filter: { archived: boolean; grade: number | null; q: string },
  skip: number,
  take: number,
): Promise<[SchoolClass[], number]> {
  const { archived, grade, q } = filter;
  const where: FindOptionsWhere<SchoolClass> = {
    archived,
    ...(grade !== null && { grade }),
    ...(q && { name: Like(`%${q}%`) }),
  };
  return db
    .getRepository(SchoolClass)
    .findAndCount({ where, relations: { classTeacher: true }, order: { grade: "ASC", name: "ASC" }, skip, take });
}

/** A class's children (current or, for an archived class, its leavers) with their families. */
export const rosterOf = (db: Db, cls: Pick<SchoolClass, "id" | "archived">): Promise<Student[]> =>
  db.getRepository(Student).find({
    where: { classId: cls.id, archived: cls.archived },
    relations: { family: true },
    order: { studentNumber: "ASC" },
  });

export const activeClassTeachers = (db: Db): Promise<Staff[]> =>
  db.getRepository(Staff).find({ where: { role: "class_teacher", active: true }, order: { staffNumber: "ASC" } });

export const classNameTaken = (db: Db, grade: number, name: string, exceptId: number | null): Promise<boolean> =>
  db.getRepository(SchoolClass).existsBy({ grade, name, ...(exceptId !== null && { id: Not(exceptId) }) });

/** Inserts (id null) or updates the class; the saved row. */
export async function saveClassRow(db: Db, id: number | null, row: ClassRow): Promise<SchoolClass> {
  const repo = db.getRepository(SchoolClass);
  if (id === null) return repo.save({ ...row, archived: false });
  await repo.update({ id }, row);
  return repo.findOneByOrFail({ id });
}

// Children per class, for lists (archived children are leavers and not counted).
export async function studentCounts(db: Db): Promise<Map<number, number>> {
  const rows: { classId: number; n: string | number }[] = await db
    .getRepository(Student)
    .createQueryBuilder("s")
    .select("s.classId", "classId")
    .addSelect("COUNT(*)", "n")
    .where("s.archived = :archived", { archived: false })
    .groupBy("s.classId")
    .getRawMany();
  return new Map(rows.map((r) => [Number(r.classId), Number(r.n)]));
}
