// Families and their children (students).
import { type DataSource, type EntityManager, In, IsNull, Not } from "typeorm";
import { Family, Student } from "../../db";

type Db = DataSource | EntityManager;
type FamilyRow = Pick<Family, "familyKey" | "guardianName" | "phone">;
type StudentRow = Pick<Student, "studentNumber" | "name" | "classId">;

export const familyById = (db: Db, id: number): Promise<Family | null> => db.getRepository(Family).findOneBy({ id });
export const familyKeyTaken = (db: Db, familyKey: string): Promise<boolean> =>
  db.getRepository(Family).existsBy({ familyKey });

/** A family's children, current first, with their classes. */
export const childrenOf = (db: Db, familyId: number): Promise<Student[]> =>
  db
    .getRepository(Student)
    .find({ where: { familyId }, relations: { schoolClass: true }, order: { archived: "ASC", studentNumber: "ASC" } });
/** A family's current children with their classes, by student number. */
export const currentChildrenOf = (db: Db, familyIds: number[]): Promise<Student[]> =>
  db.getRepository(Student).find({
    where: { familyId: In(familyIds), archived: false },
    relations: { schoolClass: true },
    order: { studentNumber: "ASC" },
  });
export const childOf = (db: Db, familyId: number, id: number): Promise<Student | null> =>
  db.getRepository(Student).findOneBy({ id, familyId });

// Families whose key, guardian or phone, or one of whose children's name or
// number, contains the search text; a page of them with their children.
export async function searchFamilies(
  db: Db,
  q: string,
  skip: number,
  take: number,
): Promise<{ families: Family[]; total: number }> {
  const query = db.getRepository(Family).createQueryBuilder("f").leftJoin("f.students", "s");
  if (q) {
    query.where(
      `(f.familyKey LIKE :q OR f.guardianName LIKE :q OR f.phone LIKE :q OR s.name LIKE :q OR s.studentNumber LIKE :q)`,
      { q: `%${q}%` },
    );
  }
  const total = await query.clone().select("COUNT(DISTINCT f.id)", "n").getRawOne<{ n: string | number }>();
  const ids = (
    await query
      .clone()
      .select("f.id", "id")
      .addSelect("f.familyKey", "key")
      .distinct(true)
      .orderBy("f.familyKey", "ASC")
      .offset(skip)
      .limit(take)
      .getRawMany<{ id: number }>()
  ).map((r) => Number(r.id));
  const families = ids.length
    ? await db
        .getRepository(Family)
        .find({ where: { id: In(ids) }, relations: { students: { schoolClass: true } }, order: { familyKey: "ASC" } })
    : [];
  return { families, total: Number(total?.n ?? 0) };
}

export const studentNumberTaken = (db: Db, studentNumber: string, exceptId: number | null): Promise<boolean> =>
  db.getRepository(Student).existsBy({ studentNumber, ...(exceptId !== null && { id: Not(exceptId) }) });

export const insertFamily = (db: Db, row: FamilyRow): Promise<Family> =>
  db.getRepository(Family).save({
    ...row,
    accessCodeHash: null,
    codeIssuedAt: null,
    privacyAcceptedAt: null,
    privacyVersion: null,
    locale: null,
  });
export async function updateFamilyRow(db: Db, id: number, row: FamilyRow): Promise<void> {
  await db.getRepository(Family).update({ id }, row);
}
export const insertStudent = (db: Db, row: StudentRow & { familyId: number }): Promise<Student> =>
  db.getRepository(Student).save({ ...row, archived: false });
export async function updateStudentRow(db: Db, id: number, row: StudentRow): Promise<void> {
  await db.getRepository(Student).update({ id }, row);
}

/** The family ids of the current children in a class. */
export async function familyIdsInClass(db: Db, classId: number): Promise<number[]> {
  const inClass = await db
    .getRepository(Student)
    .find({ select: { familyId: true }, where: { classId, archived: false } });
  return [...new Set(inClass.map((s) => s.familyId))];
}
export const familiesByKey = (db: Db, ids: number[]): Promise<Family[]> =>
  db.getRepository(Family).find({ where: { id: In(ids) }, order: { familyKey: "ASC" } });
/** Class and family of each current child in the classes. */
export const childrenInClasses = (db: Db, classIds: number[]): Promise<Pick<Student, "classId" | "familyId">[]> =>
  classIds.length
    ? db
        .getRepository(Student)
        .find({ select: { classId: true, familyId: true }, where: { classId: In(classIds), archived: false } })
    : Promise.resolve([]);
/** Of the families, those that have an access code. */
export async function familiesWithCode(db: Db, ids: number[]): Promise<Set<number>> {
  if (!ids.length) return new Set();
  return new Set(
    (
      await db
        .getRepository(Family)
        .find({ select: { id: true }, where: { id: In(ids), accessCodeHash: Not(IsNull()) } })
    ).map((f) => f.id),
  );
}
/** Sets the family's code hash only if it has none yet; whether it did. */
export async function setFirstCode(db: Db, id: number, hash: string, issuedAt: string): Promise<boolean> {
  const result = await db
    .getRepository(Family)
    .update({ id, accessCodeHash: IsNull() }, { accessCodeHash: hash, codeIssuedAt: issuedAt });
  return result.affected === 1;
}
export async function setCode(db: Db, id: number, hash: string, issuedAt: string): Promise<void> {
  await db.getRepository(Family).update({ id }, { accessCodeHash: hash, codeIssuedAt: issuedAt });
}
