// What the notices need to know about their recipients and the school's
// notice settings: staff e-mail and language, a family's language, the admins.
import { type EntityManager, In } from "typeorm";
import { Family, Setting, Staff } from "../db";

type Repos = Pick<EntityManager, "getRepository">;

export interface StaffContact {
  id: number;
  email: string | null;
  locale: string | null;
  active: boolean;
}

export async function staffContacts(db: Repos, ids: number[]): Promise<Map<number, StaffContact>> {
  if (!ids.length) return new Map();
  const rows = await db.getRepository(Staff).find({
    where: { id: In(ids) },
    select: { id: true, email: true, locale: true, active: true },
  });
  return new Map(rows.map((s) => [s.id, { id: s.id, email: s.email, locale: s.locale, active: s.active }]));
}

export async function familyLocales(db: Repos, ids: number[]): Promise<Map<number, string | null>> {
  if (!ids.length) return new Map();
  const rows = await db.getRepository(Family).find({ where: { id: In(ids) }, select: { id: true, locale: true } });
  return new Map(rows.map((f) => [f.id, f.locale]));
}

/** Every active admin's id, in a stable order. */
export async function activeAdminIds(db: Repos): Promise<number[]> {
  const rows = await db
    .getRepository(Staff)
    .find({ where: { role: "admin", active: true }, select: { id: true }, order: { id: "ASC" } });
  return rows.map((s) => s.id);
}

export async function settingValues(db: Repos, keys: readonly string[]): Promise<Map<string, string>> {
  const rows = await db.getRepository(Setting).findBy({ key: In([...keys]) });
  return new Map(rows.map((r) => [r.key, r.value]));
}

/** Writes settings; a null value removes the key (back to its default). */
export async function saveSettings(em: EntityManager, values: Record<string, string | null>): Promise<void> {
  const repo = em.getRepository(Setting);
  for (const [key, value] of Object.entries(values)) {
    if (value === null) await repo.delete({ key });
    else await repo.save({ key, value });
  }
}
