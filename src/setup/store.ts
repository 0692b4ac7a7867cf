// First-run setup's and the start plan's reads and writes: whether setup is
// done, whether an admin who can log in exists (else setup needs the one-time
// token), the stored token hashes, the school's settings, the first admin, and
// whether the demo school is (or was) in this database.
import { type EntityManager, Like, Not, IsNull } from "typeorm";
import { Setting, Staff, Student, nowIso } from "../db";
import { SCHOOL_ZONE_KEY } from "../kernel";
import { DEMO_EMAIL_DOMAIN, DEMO_MARKER, DEMO_REMOVED_KEY, SETUP_AT_KEY } from "./core/demo-facts";

type Repos = Pick<EntityManager, "getRepository">;

export const setupDone = (em: Repos): Promise<boolean> => em.getRepository(Setting).existsBy({ key: SETUP_AT_KEY });

export const adminExists = (em: Repos): Promise<boolean> =>
  em.getRepository(Staff).existsBy({ role: "admin", active: true, passwordHash: Not(IsNull()), email: Not(IsNull()) });

/** No staff and no student: the only database the demo may be seeded into. */
export async function isEmptySchool(em: Repos): Promise<boolean> {
  return !(await em.getRepository(Staff).exists()) && !(await em.getRepository(Student).exists());
}

/** Demo accounts are present while a demo staff account exists or the marker is set. */
export async function demoPresent(em: Repos): Promise<boolean> {
  return (
    (await em.getRepository(Setting).existsBy({ key: DEMO_MARKER })) ||
    (await em.getRepository(Staff).existsBy({ email: Like(`%${DEMO_EMAIL_DOMAIN}`) }))
  );
}

export async function demoStaffCount(em: Repos): Promise<number> {
  return em.getRepository(Staff).countBy({ email: Like(`%${DEMO_EMAIL_DOMAIN}`) });
}

export const demoMarked = (em: Repos): Promise<boolean> => em.getRepository(Setting).existsBy({ key: DEMO_MARKER });

export const demoWasRemoved = (em: Repos): Promise<boolean> =>
  em.getRepository(Setting).existsBy({ key: DEMO_REMOVED_KEY });

/** The setting's raw value, or null. */
export async function settingValue(em: Repos, key: string): Promise<string | null> {
  return (await em.getRepository(Setting).findOneBy({ key }))?.value ?? null;
}

export async function saveSetting(em: Repos, key: string, value: string): Promise<void> {
  await em.getRepository(Setting).save({ key, value });
}

export async function deleteSetting(em: Repos, key: string): Promise<void> {
  await em.getRepository(Setting).delete({ key });
}

/** The school's name and zone, and setup marked done. */
export async function saveSchool(em: Repos, data: { schoolName: string; timezone: string }): Promise<void> {
  await em.getRepository(Setting).save([
    { key: "school.name", value: data.schoolName },
    { key: SCHOOL_ZONE_KEY, value: data.timezone },
    { key: SETUP_AT_KEY, value: nowIso() },
  ]);
}

export async function createFirstAdmin(
  em: Repos,
  data: { adminName: string; email: string },
  passwordHash: string,
): Promise<Staff> {
  const now = nowIso();
  const repo = em.getRepository(Staff);
  return repo.save(
    repo.create({
      staffNumber: `ADM${Date.now().toString(36).toUpperCase()}`,
      name: data.adminName,
      email: data.email,
      role: "admin",
      passwordHash,
      active: true,
      vettedOn: null,
      availableDays: [],
      locale: null,
      createdAt: now,
      updatedAt: now,
    }),
  );
}
