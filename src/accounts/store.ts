// The accounts' reads: who is signing in, their session version, and the
// session lifetime settings (the login_throttle table: ./throttle-store.ts).
import { Like, type DataSource } from "typeorm";
import { Setting, Staff, Student } from "../db";
import { LIFETIME_SETTING_PREFIX } from "../http";

export function staffByEmail(ds: DataSource, email: string): Promise<Staff | null> {
  return ds.getRepository(Staff).findOneBy({ email: email.trim().toLowerCase() });
}

export function staffById(ds: DataSource, id: number): Promise<Staff | null> {
  return ds.getRepository(Staff).findOneBy({ id });
}

/** A current (not archived) pupil by student number, with the family that signs in for them. */
export function pupilWithFamily(ds: DataSource, studentNumber: string): Promise<Student | null> {
  return ds.getRepository(Student).findOne({
    where: { studentNumber: studentNumber.trim(), archived: false },
    relations: { family: true },
  });
}

/** The session version of "staff:EMAIL" or "family:STUDENT_NUMBER"; null when there is no such account. */
export async function sessionVersionOf(ds: DataSource, account: string): Promise<number | null> {
  const p = ds.options.type === "postgres" ? "$1" : "?";
  const [kind, name] = [account.slice(0, account.indexOf(":")), account.slice(account.indexOf(":") + 1)];
  const sql =
    kind === "staff"
      ? `SELECT "sessionVersion" AS v FROM "staff" WHERE LOWER("email") = ${p}`
      : `SELECT f."sessionVersion" AS v FROM "family" f JOIN "student" s ON s."familyId" = f."id" WHERE s."studentNumber" = ${p}`;
  const rows = await ds.query<{ v: number | string }[]>(sql, [name]);
  return rows.length ? Number(rows[0].v) : null;
}

// The lifetime settings are read at sign-in only: a session carries its own.
export async function lifetimeSettings(ds: DataSource): Promise<Map<string, string>> {
  const rows = await ds.getRepository(Setting).findBy({ key: Like(`${LIFETIME_SETTING_PREFIX}%`) });
  return new Map(rows.map((r) => [r.key, r.value]));
}
