// Classes (班级): create and edit, with the class teacher. Audit-logged.
import { type DataSource, type EntityManager, Not } from "typeorm";
import { SchoolClass, Staff, Student, inTransaction } from "../db";
import { Actor, recordAudit } from "../audit/audit-service";
import { HttpError, fieldError } from "../http";
import type { ClassFormData } from "./people-forms";

export async function findClass(ds: DataSource, id: number): Promise<SchoolClass> {
  const cls = await ds.getRepository(SchoolClass).findOne({ where: { id }, relations: { classTeacher: true } });
  if (!cls) throw new HttpError(404, "errors.notFound");
  return cls;
}

// Class teachers to choose from: active staff with that role.
export const classTeachers = (ds: DataSource): Promise<Staff[]> =>
  ds.getRepository(Staff).find({ where: { role: "class_teacher", active: true }, order: { staffNumber: "ASC" } });

export async function saveClass(ds: DataSource, id: number | null, data: ClassFormData, actor: Actor): Promise<SchoolClass> {
  return inTransaction(ds, async (em) => {
    const repo = em.getRepository(SchoolClass);
    if (await repo.existsBy({ grade: data.grade, name: data.name, ...(id !== null && { id: Not(id) }) })) throw fieldError("name", "validation.duplicate");
    if (data.classTeacherId !== null) {
      const teacher = await em.getRepository(Staff).findOneBy({ id: data.classTeacherId });
      if (!teacher || !teacher.active || teacher.role !== "class_teacher") throw fieldError("classTeacherId", "school.class.badTeacher");
    }
    const row = { name: data.name, grade: data.grade, classTeacherId: data.classTeacherId };
    const saved = id === null ? await repo.save({ ...row, archived: false }) : (await repo.update({ id }, row), await repo.findOneByOrFail({ id }));
    await recordAudit(em, actor, { action: id === null ? "class.create" : "class.update", entity: "school_class", entityId: saved.id, details: row });
    return saved;
  });
}

// Children per class, for lists (archived children are leavers and not counted).
export async function studentCounts(ds: DataSource | EntityManager): Promise<Map<number, number>> {
  const rows: { classId: number; n: string | number }[] = await ds.getRepository(Student).createQueryBuilder("s")
    .select("s.classId", "classId").addSelect("COUNT(*)", "n").where("s.archived = :archived", { archived: false })
    .groupBy("s.classId").getRawMany();
  return new Map(rows.map((r) => [Number(r.classId), Number(r.n)]));
}
