// Names and choices the timetable pages show beside sessions: staff names,
// the cover form's staff, the term's periods, the venues, a family's children
// and a child's service opt-in.
import { type DataSource, In } from "typeorm";
import { Period, ServiceEnrollment, Staff, Student, Venue, keptRead } from "../../db";

/** Staff names by id, for the ids given (nulls skipped). */
export async function staffNames(ds: DataSource, ids: readonly (number | null)[]): Promise<Map<number, string>> {
  const wanted = [...new Set(ids.filter((id): id is number => id !== null))];
  const rows = wanted.length
    ? await ds.getRepository(Staff).find({ where: { id: In(wanted) }, select: { id: true, name: true } })
    : [];
  return new Map(rows.map((s) => [s.id, s.name]));
}

/** Active staff: id, name and role. */
export async function activeStaff(ds: DataSource): Promise<{ id: number; name: string; role: string }[]> {
  const rows = await ds
    .getRepository(Staff)
    .find({ where: { active: true }, select: { id: true, name: true, role: true } });
  return rows.map(({ id, name, role }) => ({ id, name, role }));
}

export function periodsOfTerm(ds: DataSource, termId: number): Promise<Period[]> {
  return ds.getRepository(Period).findBy({ termId });
}

/** Every venue (a kept read, shared until the database changes). */
export function allVenues(ds: DataSource): Promise<Venue[]> {
  return keptRead(ds, "venues", () => ds.getRepository(Venue).find());
}

// find, not findOne: with a relation, findOne's LIMIT costs a second (DISTINCT) query.
/** A family's current children with their classes, by student number. */
export function familyChildren(ds: DataSource, familyId: number): Promise<Student[]> {
  return ds
    .getRepository(Student)
    .find({ where: { familyId, archived: false }, relations: { schoolClass: true }, order: { studentNumber: "ASC" } });
}

/** The weekdays a child is opted in to the service in a term (none without an opt-in). */
export async function enrolledWeekdays(ds: DataSource, termId: number, studentId: number): Promise<number[]> {
  const enrollment = await ds
    .getRepository(ServiceEnrollment)
    .findOne({ where: { termId, studentId }, select: { weekdays: true } });
  return enrollment?.weekdays ?? [];
}
