// Each person's opt-outs (kind × channel): read them, replace them all at once.
import type { EntityManager } from "typeorm";
import { Staff } from "../db";
import { NoticeOptOut } from "./people-entities";
import type { OptOut, PersonKind } from "./core/preferences";

type Repos = Pick<EntityManager, "getRepository">;
export interface Person {
  kind: PersonKind;
  id: number;
}

const where = (person: Person) => (person.kind === "family" ? { familyId: person.id } : { staffId: person.id });
const owner = (person: Person) =>
  person.kind === "family" ? { familyId: person.id, staffId: null } : { familyId: null, staffId: person.id };

export async function optOutsOf(db: Repos, person: Person): Promise<OptOut[]> {
  const rows = await db.getRepository(NoticeOptOut).find({ where: where(person), order: { id: "ASC" } });
  return rows.map((r) => ({ kind: r.kind, channel: r.channel }));
}

export async function replaceOptOuts(
  em: EntityManager,
  person: Person,
  optOuts: readonly OptOut[],
  at: string,
): Promise<void> {
  const repo = em.getRepository(NoticeOptOut);
  await repo.delete(where(person));
  if (optOuts.length) await repo.insert(optOuts.map((o) => ({ ...owner(person), ...o, createdAt: at })));
}

/** A staff member's e-mail from their account (null: none on file). */
export async function staffEmailOf(db: Repos, staffId: number): Promise<string | null> {
  const staff = await db.getRepository(Staff).findOne({ select: { id: true, email: true }, where: { id: staffId } });
  return staff?.email ?? null;
}

/** What entitlement and e-mail need of a staff member: role, active, account e-mail (null: no such staff). */
export async function staffProfile(
  db: Repos,
  staffId: number,
): Promise<{ role: string; active: boolean; email: string | null } | null> {
  const staff = await db
    .getRepository(Staff)
    .findOne({ select: { id: true, role: true, active: true, email: true }, where: { id: staffId } });
  return staff ? { role: staff.role, active: staff.active, email: staff.email } : null;
}
