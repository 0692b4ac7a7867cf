// Family access codes. A family logs in with a child's student number and the
// family's code; the code is shown once (printed slip) and stored only as an
// argon2 hash. Regenerating voids the old code at once.
import { type DataSource, In, IsNull, Not } from "typeorm";
import { Family, SchoolClass, Student, nowIso, inTransaction } from "../db";
import { Actor, recordAudit } from "../audit/audit-service";
import { hashSecret, newFamilyCode, endSessionsOf } from "../http";

export interface SlipChild { name: string; studentNumber: string; className: string }
export interface Slip { familyId: number; familyKey: string; guardianName: string; code: string; children: SlipChild[] }
export interface ClassFamily { family: Family; children: Student[] }

// argon2 takes ~50 ms a hash on purpose; a few at a time keep a class of ~40
// families to well under a second without starving the server's thread pool.
const HASH_BATCH = 8;
export async function hashAll(secrets: string[]): Promise<string[]> {
  const out: string[] = [];
  for (let i = 0; i < secrets.length; i += HASH_BATCH) out.push(...(await Promise.all(secrets.slice(i, i + HASH_BATCH).map(hashSecret))));
  return out;
}

// Families with a child in the class, each with all its current children
// (siblings in other classes too: one slip per family lists them all).
export async function familiesOfClass(ds: DataSource, classId: number): Promise<ClassFamily[]> {
  const inClass = await ds.getRepository(Student).find({ select: { familyId: true }, where: { classId, archived: false } });
  const familyIds = [...new Set(inClass.map((s) => s.familyId))];
  if (!familyIds.length) return [];
  const families = await ds.getRepository(Family).find({ where: { id: In(familyIds) }, order: { familyKey: "ASC" } });
  const children = await ds.getRepository(Student).find({ where: { familyId: In(familyIds), archived: false }, relations: { schoolClass: true }, order: { studentNumber: "ASC" } });
  return families.map((family) => ({
    family,
    // This class's child first: the slip is handed out in this class.
    children: children.filter((c) => c.familyId === family.id).sort((a, b) => Number(b.classId === classId) - Number(a.classId === classId)),
  }));
}

// Per class: how many families, and how many of them still have no code.
export async function codeCountsByClass(ds: DataSource, classes: SchoolClass[]): Promise<Map<number, { families: number; missing: number }>> {
  const ids = classes.map((c) => c.id);
  const students = ids.length ? await ds.getRepository(Student).find({ select: { classId: true, familyId: true }, where: { classId: In(ids), archived: false } }) : [];
  const familyIds = [...new Set(students.map((s) => s.familyId))];
  const withCode = new Set((familyIds.length
    ? await ds.getRepository(Family).find({ select: { id: true }, where: { id: In(familyIds), accessCodeHash: Not(IsNull()) } })
    : []).map((f) => f.id));
  return new Map(classes.map((c) => {
    const families = new Set(students.filter((s) => s.classId === c.id).map((s) => s.familyId));
    return [c.id, { families: families.size, missing: [...families].filter((id) => !withCode.has(id)).length }];
  }));
}

const slipOf = ({ family, children }: ClassFamily, code: string): Slip => ({
  familyId: family.id, familyKey: family.familyKey, guardianName: family.guardianName, code,
  children: children.map((c) => ({ name: c.name, studentNumber: c.studentNumber, className: c.schoolClass.name })),
});

// Codes for the class's families that have none. A family that got a code
// meanwhile (a sibling's class, another admin) keeps it and gets no slip here.
export async function generateClassCodes(ds: DataSource, cls: SchoolClass, actor: Actor): Promise<Slip[]> {
  const pending = (await familiesOfClass(ds, cls.id)).filter((f) => f.family.accessCodeHash === null);
  const codes = pending.map(() => newFamilyCode());
  const hashes = await hashAll(codes);
  return inTransaction(ds, async (em) => {
    const slips: Slip[] = [];
    const issuedAt = nowIso();
    for (const [i, f] of pending.entries()) {
      const result = await em.getRepository(Family).update({ id: f.family.id, accessCodeHash: IsNull() }, { accessCodeHash: hashes[i], codeIssuedAt: issuedAt });
      if (result.affected === 1) slips.push(slipOf(f, codes[i]));
    }
    if (slips.length) {
      await recordAudit(em, actor, { action: "family-codes.generate", entity: "school_class", entityId: cls.id, details: { families: slips.map((s) => s.familyId) } });
    }
    return slips;
  });
}

// A lost or leaked code: a new one replaces it, the old one stops working, and
// whoever is logged in with it is logged out.
export async function regenerateFamilyCode(ds: DataSource, family: ClassFamily, actor: Actor): Promise<Slip> {
  const code = newFamilyCode();
  const hash = await hashSecret(code);
  return inTransaction(ds, async (em) => {
    await em.getRepository(Family).update({ id: family.family.id }, { accessCodeHash: hash, codeIssuedAt: nowIso() });
    await endSessionsOf(em, "family", family.family.id);
    await recordAudit(em, actor, { action: "family-codes.regenerate", entity: "family", entityId: family.family.id,
      details: { hadCode: family.family.accessCodeHash !== null } });
    return slipOf(family, code);
  });
}

// A family with its current children, and the classes those children are in.
export async function familyWithChildren(ds: DataSource, familyId: number): Promise<ClassFamily | null> {
  const family = await ds.getRepository(Family).findOneBy({ id: familyId });
  if (!family) return null;
  const children = await ds.getRepository(Student).find({ where: { familyId, archived: false }, relations: { schoolClass: true }, order: { studentNumber: "ASC" } });
  return { family, children };
}
