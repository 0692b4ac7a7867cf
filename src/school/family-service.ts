// Families and their children. A family has one or more children (siblings
// share the family and its access code); every change is audit-logged.
import type { DataSource, EntityManager } from "typeorm";
import { type Family, type Student, inTransaction } from "../db";
import { Actor, recordAudit } from "../audit";
import { HttpError, fieldError } from "../http";
import type { FamilyFormData, StudentFormData } from "./people-forms";
import {
  childrenOf as childRows,
  familyById,
  familyKeyTaken,
  insertFamily,
  insertStudent,
  searchFamilies,
  studentNumberTaken,
  updateFamilyRow,
  updateStudentRow,
} from "./store/families";
import { classById } from "./store/classes";

export { searchFamilies };

export async function findFamily(ds: DataSource, id: number): Promise<Family> {
  const family = await familyById(ds, id);
  if (!family) throw new HttpError(404, "errors.notFound");
  return family;
}

export const childrenOf = (ds: DataSource, familyId: number): Promise<Student[]> => childRows(ds, familyId);

async function checkStudent(em: EntityManager, data: StudentFormData, exceptId: number | null): Promise<void> {
  if (await studentNumberTaken(em, data.studentNumber, exceptId)) {
    throw fieldError("studentNumber", "validation.duplicate");
  }
  const cls = await classById(em, data.classId);
  if (!cls || cls.archived) throw fieldError("classId", "school.validation.class");
}

// A family key the admin left blank is made from the first child's number.
async function freeFamilyKey(em: EntityManager, wanted: string | null, studentNumber: string): Promise<string> {
  if (wanted !== null) {
    if (await familyKeyTaken(em, wanted)) throw fieldError("familyKey", "validation.duplicate");
    return wanted;
  }
  const base = `F${studentNumber}`.slice(0, 36);
  for (let n = 1; ; n++) {
    const key = n === 1 ? base : `${base}-${n}`;
    if (!(await familyKeyTaken(em, key))) return key;
  }
}

export async function createFamily(
  ds: DataSource,
  data: FamilyFormData & StudentFormData,
  actor: Actor,
): Promise<Family> {
  return inTransaction(ds, async (em) => {
    await checkStudent(em, data, null);
    const familyKey = await freeFamilyKey(em, data.familyKey, data.studentNumber);
    const family = await insertFamily(em, { familyKey, guardianName: data.guardianName, phone: data.phone });
    const student = await insertStudent(em, {
      studentNumber: data.studentNumber,
      name: data.name,
      classId: data.classId,
      familyId: family.id,
    });
    await recordAudit(em, actor, {
      action: "family.create",
      entity: "family",
      entityId: family.id,
      details: { familyKey, studentId: student.id },
    });
    return family;
  });
}

export async function updateFamily(ds: DataSource, family: Family, data: FamilyFormData, actor: Actor): Promise<void> {
  await inTransaction(ds, async (em) => {
    const familyKey = data.familyKey ?? family.familyKey;
    if (familyKey !== family.familyKey && (await familyKeyTaken(em, familyKey)))
      throw fieldError("familyKey", "validation.duplicate");
    const after = { familyKey, guardianName: data.guardianName, phone: data.phone };
    await updateFamilyRow(em, family.id, after);
    await recordAudit(em, actor, {
      action: "family.update",
      entity: "family",
      entityId: family.id,
      details: {
        before: { familyKey: family.familyKey, guardianName: family.guardianName, phone: family.phone },
        after,
      },
    });
  });
}

export async function saveChild(
  ds: DataSource,
  family: Family,
  student: Student | null,
  data: StudentFormData,
  actor: Actor,
): Promise<void> {
  await inTransaction(ds, async (em) => {
    await checkStudent(em, data, student?.id ?? null);
    const row = { studentNumber: data.studentNumber, name: data.name, classId: data.classId };
    const saved = student
      ? (await updateStudentRow(em, student.id, row), student)
      : await insertStudent(em, { ...row, familyId: family.id });
    await recordAudit(em, actor, {
      action: student ? "student.update" : "student.create",
      entity: "student",
      entityId: saved.id,
      details: {
        familyId: family.id,
        ...row,
        ...(student && {
          before: { studentNumber: student.studentNumber, name: student.name, classId: student.classId },
        }),
      },
    });
  });
}
