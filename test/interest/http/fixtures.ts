// Shared set-up for the interest survey tests: the seeded demo school's clubs
// by grade, the demo families' children, and the admin's survey form as posted.
import type { DataSource } from "typeorm";
import { AuditEntry, Club, Student } from "../../../src/db/entities";
import { InterestAnswer } from "../../../src/interest/entities";
import { schoolZone, toLocalInput } from "../../../src/kernel";

export const DAY = 86_400_000;

/** Active clubs of the demo term open to a grade, by code. */
export async function clubsFor(ds: DataSource, grade: number): Promise<Club[]> {
  return (await ds.getRepository(Club).find({ where: { cancelled: false }, order: { code: "ASC" } })).filter((c) =>
    c.grades.includes(grade),
  );
}

export const studentByNumber = (ds: DataSource, studentNumber: string): Promise<Student> =>
  ds.getRepository(Student).findOneByOrFail({ studentNumber });

/** A datetime-local value in the school's zone, `ms` from now. */
export async function localIn(ds: DataSource, ms: number): Promise<string> {
  return toLocalInput(new Date(Date.now() + ms).toISOString(), await schoolZone(ds));
}

/** Everything a save may change, to prove a refused post changed nothing. */
export async function snapshot(ds: DataSource): Promise<string> {
  const [answers, audits] = await Promise.all([
    ds.getRepository(InterestAnswer).find({ order: { id: "ASC" } }),
    ds.getRepository(AuditEntry).count(),
  ]);
  return JSON.stringify({ answers, audits });
}
