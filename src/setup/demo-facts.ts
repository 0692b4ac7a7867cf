// What src knows of the demo school without loading it: the marker setting a
// seeded database carries, the one rule for where it may be seeded, and the
// shape of its logins. The demo itself (names, roster, passwords) stays in
// seeds/ and is reached only through ./demo-seam.ts.
import type { EntityManager } from "typeorm";
import { Staff, Student } from "../db";

export const DEMO_MARKER = "demo.seeded";

export interface DemoLogins { staff: { role: string; email: string; password: string }[]; families: { studentNumber: string; code: string; children: string[] }[] }

/** No staff and no student: the only database the demo may be seeded into. */
export async function isEmptySchool(em: Pick<EntityManager, "getRepository">): Promise<boolean> {
  return !(await em.getRepository(Staff).exists()) && !(await em.getRepository(Student).exists());
}
