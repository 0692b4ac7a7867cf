// Family access codes. A family logs in with a child's student number and the
// family's code; the code is shown once (printed slip) and stored only as an
// argon2 hash. Regenerating voids the old code at once.
import type { DataSource } from "typeorm";
import { type Family, type SchoolClass, type Student, nowIso, inTransaction } from "../db";
import {
  childrenInClasses,
  currentChildrenOf,
  familiesByKey,
  familiesWithCode,
  familyById,
  familyIdsInClass,
  setCode,
  setFirstCode,
} from "./store/families";
import { Actor, recordAudit } from "../audit";
import { hashSecret, newFamilyCode, endSessionsOf } from "../http";

export interface SlipChild {
  name: string;
  studentNumber: string;
  className: string;
}
export interface Slip {
  familyId: number;
  familyKey: string;
  guardianName: string;
  code: string;
  children: SlipChild[];
}
export interface ClassFamily {
  family: Family;
  children: Student[];
}

// argon2 takes ~50 ms a hash on purpose; a few at a time keep a class of ~40
// families to well under a second without starving the server's thread pool.
const HASH_BATCH = 8;
export async function hashAll(secrets: string[]): Promise<string[]> {
  const out: string[] = [];
  for (let i = 0; i < secrets.length; i += HASH_BATCH)
    out.push(...(await Promise.all(secrets.slice(i, i + HASH_BATCH).map(hashSecret))));
  return out;
}

// Families with a child in the class, each with all its current children
// (siblings in other classes too: one slip per family lists them all).
export async function familiesOfClass(ds: DataSource, classId: number): Promise<ClassFamily[]> {
  const familyIds = await familyIdsInClass(ds, classId);
  if (!familyIds.length) return [];
  const families = await familiesByKey(ds, familyIds);
  const children = await currentChildrenOf(ds, familyIds);
  return families.map((family) => ({
    family,
    // This class's child first: the slip is handed out in this class.
    children: children
      .filter((c) => c.familyId === family.id)
      .sort((a, b) => Number(b.classId === classId) - Number(a.classId === classId)),
  }));
}

// Per class: how many families, and how many of them still have no code.
export async function codeCountsByClass(
  ds: DataSource,
  classes: SchoolClass[],
): Promise<Map<number, { families: number; missing: number }>> {
  const ids = classes.map((c) => c.id);
  const students = await childrenInClasses(ds, ids);
  const familyIds = [...new Set(students.map((s) => s.familyId))];
  const withCode = await familiesWithCode(ds, familyIds);
  return new Map(
    classes.map((c) => {
      const families = new Set(students.filter((s) => s.classId === c.id).map((s) => s.familyId));
      return [c.id, { families: families.size, missing: [...families].filter((id) => !withCode.has(id)).length }];
    }),
  );
}

const slipOf = ({ family, children }: ClassFamily, code: string): Slip => ({
  familyId: family.id,
  familyKey: family.familyKey,
  guardianName: family.guardianName,
  code,
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
      if (await setFirstCode(em, f.family.id, hashes[i], issuedAt)) slips.push(slipOf(f, codes[i]));
    }
    if (slips.length) {
      await recordAudit(em, actor, {
        action: "family-codes.generate",
        entity: "school_class",
        entityId: cls.id,
        details: { families: slips.map((s) => s.familyId) },
      });
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
    await setCode(em, family.family.id, hash, nowIso());
    await endSessionsOf(em, "family", family.family.id);
    await recordAudit(em, actor, {
      action: "family-codes.regenerate",
      entity: "family",
      entityId: family.family.id,
      details: { hadCode: family.family.accessCodeHash !== null },
    });
    return slipOf(family, code);
  });
}

// A family with its current children, and the classes those children are in.
export async function familyWithChildren(ds: DataSource, familyId: number): Promise<ClassFamily | null> {
  const family = await familyById(ds, familyId);
  if (!family) return null;
  const children = await currentChildrenOf(ds, [familyId]);
  return { family, children };
}
