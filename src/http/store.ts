// The HTTP kernel's own reads and writes on the accounts: the per-request
// session check's one read, raising a session version, and the language an
// account chose. (The express-session store is ./session-store.ts.)
import type { DataSource, EntityManager } from "typeorm";
import { Family, Staff } from "../db";

export type AccountKind = "staff" | "family";

/** The account's session version (and, for staff, whether active); a family's only while it still has the child. */
export function sessionRowReader(
  ds: DataSource,
): (user: {
  kind: AccountKind;
  id: number;
  studentId?: number;
}) => Promise<{ v: number; a?: boolean | number } | undefined> {
  const p = ds.options.type === "postgres" ? "$1" : "?";
  const staffSql = `SELECT "sessionVersion" AS v, "active" AS a FROM "staff" WHERE "id" = ${p}`;
  // A family session looks at one child: the same read checks that the child
  // is still the family's (a deleted child ends the sessions showing it).
  const q = ds.options.type === "postgres" ? "$2" : "?";
  const familySql = `SELECT f."sessionVersion" AS v FROM "family" f WHERE f."id" = ${p} AND EXISTS (SELECT 1 FROM "student" s WHERE s."id" = ${q} AND s."familyId" = f."id")`;
  return async (user) => {
    type Row = { v: number; a?: boolean | number };
    const rows = await (user.kind === "staff"
      ? ds.query<Row[]>(staffSql, [user.id])
      : ds.query<Row[]>(familySql, [user.id, user.studentId]));
    return rows[0];
  };
}

/** Raises the account's session version by one; the new version. */
export async function raiseSessionVersion(em: EntityManager, kind: AccountKind, id: number): Promise<number> {
  const entity = kind === "staff" ? Staff : Family;
  await em.getRepository(entity).increment({ id }, "sessionVersion", 1);
  const row = await em.getRepository(entity).findOne({ select: { id: true, sessionVersion: true }, where: { id } });
  return row?.sessionVersion ?? 0;
}

export async function saveAccountLocale(
  em: EntityManager,
  kind: AccountKind,
  id: number,
  locale: string,
): Promise<unknown> {
  return kind === "staff"
    ? em.getRepository(Staff).update({ id }, { locale })
    : em.getRepository(Family).update({ id }, { locale });
}
