// The only reader and writer of pick-up people and early pick-ups. Functions
// take the handle first and return rows.
import { type DataSource, type EntityManager, In } from "typeorm";
import { SchoolClass, Staff, Student } from "../db";
import { EarlyPickup, PickUpPerson } from "./entities";

type Repos = DataSource | EntityManager;

/** A family's pick-up people, in the order they were added. */
export function peopleOf(ds: Repos, familyId: number): Promise<PickUpPerson[]> {
  return ds.getRepository(PickUpPerson).find({ where: { familyId }, order: { id: "ASC" } });
}

/** One of the family's people, or null (another family's id is null too). */
export function personOf(ds: Repos, familyId: number, id: number): Promise<PickUpPerson | null> {
  return ds.getRepository(PickUpPerson).findOneBy({ id, familyId });
}

export function countPeople(em: Repos, familyId: number): Promise<number> {
  return em.getRepository(PickUpPerson).countBy({ familyId });
}

export function savePerson(
  em: Repos,
  person: Omit<PickUpPerson, "id" | "family"> & { id?: number },
): Promise<PickUpPerson> {
  const repo = em.getRepository(PickUpPerson);
  return repo.save(repo.create(person));
}

export async function deletePerson(em: Repos, id: number): Promise<void> {
  await em.getRepository(PickUpPerson).delete({ id });
}

/** Each child's family's list, for the early pick-up forms of a register or a class's day. */
export async function peopleOfStudents(ds: Repos, studentIds: number[]): Promise<Map<number, PickUpPerson[]>> {
  if (!studentIds.length) return new Map();
  const students = await ds
    .getRepository(Student)
    .find({ where: { id: In(studentIds) }, select: { id: true, familyId: true } });
  const familyIds = [...new Set(students.map((s) => s.familyId))];
  const people = familyIds.length
    ? await ds.getRepository(PickUpPerson).find({ where: { familyId: In(familyIds) }, order: { id: "ASC" } })
    : [];
  return new Map(students.map((s) => [s.id, people.filter((p) => p.familyId === s.familyId)]));
}

export interface ChildOfClass {
  id: number;
  name: string;
  familyId: number;
  classId: number;
  className: string;
  /** The class teacher to tell (null: none, inactive, or an admin, who hears it among the admins). */
  classTeacherId: number | null;
}

/** A child with their family and class teacher (who is told of an unlisted collector), or null. */
export async function childOf(em: Repos, studentId: number): Promise<ChildOfClass | null> {
  const s = await em.getRepository(Student).findOneBy({ id: studentId });
  if (!s) return null;
  const cls = await em.getRepository(SchoolClass).findOneBy({ id: s.classId });
  const teacher =
    cls?.classTeacherId != null ? await em.getRepository(Staff).findOneBy({ id: cls.classTeacherId }) : null;
  return {
    id: s.id,
    name: s.name,
    familyId: s.familyId,
    classId: s.classId,
    className: cls?.name ?? "",
    classTeacherId: teacher?.active && teacher.role !== "admin" ? teacher.id : null,
  };
}

export function earlyPickupOf(em: Repos, studentId: number, date: string): Promise<EarlyPickup | null> {
  return em.getRepository(EarlyPickup).findOneBy({ studentId, date });
}

export function saveEarlyPickup(
  em: Repos,
  row: Omit<EarlyPickup, "id" | "student" | "pickupPerson"> & { id?: number },
): Promise<EarlyPickup> {
  const repo = em.getRepository(EarlyPickup);
  return repo.save(repo.create(row));
}

export async function deleteEarlyPickup(em: Repos, id: number): Promise<void> {
  await em.getRepository(EarlyPickup).delete({ id });
}

/** The early pick-ups of a date (of the given children only, when given). */
export function earlyPickupsOn(ds: Repos, date: string, studentIds?: number[]): Promise<EarlyPickup[]> {
  if (studentIds && !studentIds.length) return Promise.resolve([]);
  return ds.getRepository(EarlyPickup).find({
    where: { date, ...(studentIds ? { studentId: In(studentIds) } : {}) },
    order: { pickedUpAt: "ASC", id: "ASC" },
  });
}

/** A family's early pick-ups of one child, newest first (the family's own view), a page at a time. */
export function earlyPickupsOfChild(ds: Repos, studentId: number, skip = 0, take = 1000): Promise<EarlyPickup[]> {
  return ds.getRepository(EarlyPickup).find({ where: { studentId }, order: { date: "DESC", id: "DESC" }, skip, take });
}

/** The early pick-ups of a family's children, newest first, with the child's name (the family's page). */
export function earlyPickupsOfFamily(ds: Repos, familyId: number, take: number): Promise<EarlyPickup[]> {
  return ds.getRepository(EarlyPickup).find({
    where: { student: { familyId } },
    relations: { student: true },
    order: { date: "DESC", id: "DESC" },
    take,
  });
}
