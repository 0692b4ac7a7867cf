// Families and their children. A family has one or more children (siblings
// share the family and its access code); every change is audit-logged.
import { type DataSource, type EntityManager, In, Not } from "typeorm";
import { Family, SchoolClass, Student, inTransaction } from "../db";
import { Actor, recordAudit } from "../audit/audit-service";
import { HttpError, fieldError } from "../http";
import type { FamilyFormData, StudentFormData } from "./people-forms";

export async function findFamily(ds: DataSource, id: number): Promise<Family> {
  const family = await ds.getRepository(Family).findOneBy({ id });
  if (!family) throw new HttpError(404, "errors.notFound");
  return family;
}

export const childrenOf = (ds: DataSource, familyId: number): Promise<Student[]> =>
  ds.getRepository(Student).find({ where: { familyId }, relations: { schoolClass: true }, order: { archived: "ASC", studentNumber: "ASC" } });

// Families whose key, guardian or phone, or one of whose children's name or
// number, contains the search text; a page of them with their children.
export async function searchFamilies(ds: DataSource, q: string, skip: number, take: number): Promise<{ families: Family[]; total: number }> {
  const query = ds.getRepository(Family).createQueryBuilder("f").leftJoin("f.students", "s");
  if (q) {
    query.where(`(f.familyKey LIKE :q OR f.guardianName LIKE :q OR f.phone LIKE :q OR s.name LIKE :q OR s.studentNumber LIKE :q)`, { q: `%${q}%` });
  }
  const total = await query.clone().select("COUNT(DISTINCT f.id)", "n").getRawOne<{ n: string | number }>();
  const ids = (await query.clone().select("f.id", "id").addSelect("f.familyKey", "key").distinct(true)
    .orderBy("f.familyKey", "ASC").offset(skip).limit(take).getRawMany<{ id: number }>()).map((r) => Number(r.id));
  const families = ids.length
    ? await ds.getRepository(Family).find({ where: { id: In(ids) }, relations: { students: { schoolClass: true } }, order: { familyKey: "ASC" } })
    : [];
  return { families, total: Number(total?.n ?? 0) };
}

async function checkStudent(em: EntityManager, data: StudentFormData, exceptId: number | null): Promise<void> {
  if (await em.getRepository(Student).existsBy({ studentNumber: data.studentNumber, ...(exceptId !== null && { id: Not(exceptId) }) })) {
    throw fieldError("studentNumber", "validation.duplicate");
  }
  const cls = await em.getRepository(SchoolClass).findOneBy({ id: data.classId });
  if (!cls || cls.archived) throw fieldError("classId", "school.validation.class");
}

// A family key the admin left blank is made from the first child's number.
async function freeFamilyKey(em: EntityManager, wanted: string | null, studentNumber: string): Promise<string> {
  const repo = em.getRepository(Family);
  if (wanted !== null) {
    if (await repo.existsBy({ familyKey: wanted })) throw fieldError("familyKey", "validation.duplicate");
    return wanted;
  }
  const base = `F${studentNumber}`.slice(0, 36);
  for (let n = 1; ; n++) {
    const key = n === 1 ? base : `${base}-${n}`;
    if (!(await repo.existsBy({ familyKey: key }))) return key;
  }
}

export async function createFamily(ds: DataSource, data: FamilyFormData & StudentFormData, actor: Actor): Promise<Family> {
  return inTransaction(ds, async (em) => {
    await checkStudent(em, data, null);
    const familyKey = await freeFamilyKey(em, data.familyKey, data.studentNumber);
    const family = await em.getRepository(Family).save({
      familyKey, guardianName: data.guardianName, phone: data.phone, accessCodeHash: null, codeIssuedAt: null,
      privacyAcceptedAt: null, privacyVersion: null, locale: null,
    });
    const student = await em.getRepository(Student).save({ studentNumber: data.studentNumber, name: data.name, classId: data.classId, familyId: family.id, archived: false });
    await recordAudit(em, actor, { action: "family.create", entity: "family", entityId: family.id, details: { familyKey, studentId: student.id } });
    return family;
  });
}

export async function updateFamily(ds: DataSource, family: Family, data: FamilyFormData, actor: Actor): Promise<void> {
  await inTransaction(ds, async (em) => {
    const familyKey = data.familyKey ?? family.familyKey;
    if (familyKey !== family.familyKey && (await em.getRepository(Family).existsBy({ familyKey }))) throw fieldError("familyKey", "validation.duplicate");
    const after = { familyKey, guardianName: data.guardianName, phone: data.phone };
    await em.getRepository(Family).update({ id: family.id }, after);
    await recordAudit(em, actor, { action: "family.update", entity: "family", entityId: family.id,
      details: { before: { familyKey: family.familyKey, guardianName: family.guardianName, phone: family.phone }, after } });
  });
}

export async function saveChild(ds: DataSource, family: Family, student: Student | null, data: StudentFormData, actor: Actor): Promise<void> {
  await inTransaction(ds, async (em) => {
    await checkStudent(em, data, student?.id ?? null);
    const row = { studentNumber: data.studentNumber, name: data.name, classId: data.classId };
    const saved = student
      ? (await em.getRepository(Student).update({ id: student.id }, row), student)
      : await em.getRepository(Student).save({ ...row, familyId: family.id, archived: false });
    await recordAudit(em, actor, { action: student ? "student.update" : "student.create", entity: "student", entityId: saved.id,
      details: { familyId: family.id, ...row, ...(student && { before: { studentNumber: student.studentNumber, name: student.name, classId: student.classId } }) } });
  });
}
