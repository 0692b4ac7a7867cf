// Classes (班级): create and edit, with the class teacher. Audit-logged.
import type { DataSource } from "typeorm";
import { type SchoolClass, type Staff, inTransaction } from "../db";
import { Actor, recordAudit } from "../audit";
import { HttpError, fieldError } from "../http";
import type { ClassFormData } from "./people-forms";
import { activeClassTeachers, classNameTaken, classWithTeacher, saveClassRow, studentCounts } from "./store/classes";
import { staffById } from "./store/staff";

export { studentCounts };

export async function findClass(ds: DataSource, id: number): Promise<SchoolClass> {
  const cls = await classWithTeacher(ds, id);
  if (!cls) throw new HttpError(404, "errors.notFound");
  return cls;
}

// Class teachers to choose from: active staff with that role.
export const classTeachers = (ds: DataSource): Promise<Staff[]> => activeClassTeachers(ds);

export async function saveClass(
  ds: DataSource,
  id: number | null,
  data: ClassFormData,
  actor: Actor,
): Promise<SchoolClass> {
  return inTransaction(ds, async (em) => {
    if (await classNameTaken(em, data.grade, data.name, id)) throw fieldError("name", "validation.duplicate");
    if (data.classTeacherId !== null) {
      const teacher = await staffById(em, data.classTeacherId);
      if (!teacher || !teacher.active || teacher.role !== "class_teacher")
        throw fieldError("classTeacherId", "school.class.badTeacher");
    }
    const row = { name: data.name, grade: data.grade, classTeacherId: data.classTeacherId };
    const saved = await saveClassRow(em, id, row);
    await recordAudit(em, actor, {
      action: id === null ? "class.create" : "class.update",
      entity: "school_class",
      entityId: saved.id,
      details: row,
    });
    return saved;
  });
}
