// Writes validated import rows, inside the commit's transaction. Rows match
// stored records the way the preview counted them (import/matchKey).
import type { EntityManager } from "typeorm";
import { createHash } from "node:crypto";
import { Club, Family, Staff, Student, Venue, nowIso } from "../../db";
import { ClubRow, deriveFamilies, ImportedRow, matchKey, StaffRow, StudentRow } from "../import";
import { classFor, clubCategory, ClassRef } from "../core/import-checks";

export interface ApplyCounts {
  created: number;
  updated: number;
  familiesCreated?: number;
  familiesUpdated?: number;
}

const byKey = <T>(items: T[], key: (item: T) => string) => new Map(items.map((i) => [matchKey(key(i)), i]));

export async function applyStudents(
  em: EntityManager,
  rows: ImportedRow<StudentRow>[],
  classes: ClassRef[],
): Promise<ApplyCounts> {
  const familyRepo = em.getRepository(Family);
  const families = byKey(await familyRepo.find(), (f) => f.familyKey);
  const counts: ApplyCounts = { created: 0, updated: 0, familiesCreated: 0, familiesUpdated: 0 };
  for (const f of deriveFamilies(rows)) {
    const stored = families.get(matchKey(f.familyKey));
    if (stored) {
      const changes = {
        ...(f.guardianName !== undefined && { guardianName: f.guardianName }),
        ...(f.phone !== undefined && { phone: f.phone }),
      };
      if (Object.keys(changes).length) await familyRepo.update({ id: stored.id }, changes);
      counts.familiesUpdated!++;
    } else {
      const created = await familyRepo.save({
        familyKey: f.familyKey,
        guardianName: f.guardianName ?? "",
        phone: f.phone ?? null,
        accessCodeHash: null,
        codeIssuedAt: null,
        privacyAcceptedAt: null,
        privacyVersion: null,
        locale: null,
      });
      families.set(matchKey(f.familyKey), created);
      counts.familiesCreated!++;
    }
  }
  const studentRepo = em.getRepository(Student);
  const students = byKey(await studentRepo.find({ select: { id: true, studentNumber: true } }), (s) => s.studentNumber);
  const inserts: Partial<Student>[] = [];
  for (const row of rows) {
    const values = {
      name: row.name,
      classId: classFor(classes, row.grade, row.className)!.id,
      familyId: families.get(matchKey(row.familyKey))!.id,
    };
    const stored = students.get(matchKey(row.studentNumber));
    if (stored) {
      await studentRepo.update({ id: stored.id }, values);
      counts.updated++;
    } else {
      inserts.push({ studentNumber: row.studentNumber, ...values, archived: false });
      counts.created++;
    }
  }
  for (let i = 0; i < inserts.length; i += 100) await studentRepo.insert(inserts.slice(i, i + 100));
  return counts;
}

export async function applyStaff(em: EntityManager, rows: ImportedRow<StaffRow>[]): Promise<ApplyCounts> {
  const repo = em.getRepository(Staff);
  const staff = byKey(await repo.find(), (s) => s.staffNumber);
  const counts: ApplyCounts = { created: 0, updated: 0 };
  const now = nowIso();
  for (const row of rows) {
    const stored = staff.get(matchKey(row.staffNumber));
    if (stored) {
      // An import never demotes an admin; blank cells keep what is stored.
      const role = stored.role === "admin" ? "admin" : row.kind;
      await repo.update(
        { id: stored.id },
        {
          name: row.name,
          role,
          availableDays: row.availableDays,
          updatedAt: now,
          // A new role ends the open sessions, which carry the old one.
          ...(role !== stored.role && { sessionVersion: stored.sessionVersion + 1 }),
          ...(row.email !== undefined && { email: row.email }),
          ...(row.vettedOn !== undefined && { vettedOn: row.vettedOn }),
          ...(row.availableHours !== undefined && { availableHours: row.availableHours }),
        },
      );
      counts.updated++;
    } else {
      await repo.insert({
        staffNumber: row.staffNumber,
        name: row.name,
        role: row.kind,
        email: row.email ?? null,
        passwordHash: null,
        active: true,
        vettedOn: row.vettedOn ?? null,
        availableDays: row.availableDays,
        availableHours: row.availableHours ?? null,
        locale: null,
        createdAt: now,
        updatedAt: now,
      });
      counts.created++;
    }
  }
  return counts;
}

// A club's code is a short stable id (used in allocation files and feeds):
// an ASCII name gives its own slug, a Chinese one a short hash of the name.
export function clubCode(name: string, taken: Set<string>): string {
  const slug = name
    .normalize("NFKC")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-|-$/g, "")
    .slice(0, 30);
  const base = slug.length >= 2 ? slug : `club-${createHash("sha256").update(name).digest("hex").slice(0, 6)}`;
  let code = base;
  for (let n = 2; taken.has(code); n++) code = `${base}-${n}`;
  taken.add(code);
  return code;
}

export async function applyClubs(
  em: EntityManager,
  rows: ImportedRow<ClubRow>[],
  termId: number,
): Promise<ApplyCounts> {
  const repo = em.getRepository(Club);
  const existing = await repo.findBy({ termId });
  const clubs = byKey(existing, (c) => c.name);
  const codes = new Set(existing.map((c) => c.code));
  const staff = byKey(
    await em.getRepository(Staff).find({ select: { id: true, staffNumber: true } }),
    (s) => s.staffNumber,
  );
  const venues = byKey(await em.getRepository(Venue).find({ select: { id: true, name: true } }), (v) => v.name);
  const counts: ApplyCounts = { created: 0, updated: 0 };
  const staffId = (n: string) => staff.get(matchKey(n))!.id;
  for (const row of rows) {
    const stored = clubs.get(matchKey(row.name));
    const values = {
      name: row.name,
      category: clubCategory(row.category)!,
      description: row.description,
      grades: row.grades,
      minSize: row.minSize,
      maxSize: row.maxSize,
      ...(row.staffNumber !== undefined && { staffId: staffId(row.staffNumber) }),
      ...(row.venueName !== undefined && { venueId: venues.get(matchKey(row.venueName))!.id }),
      ...(row.sessionsPerWeek !== undefined && { sessionsPerWeek: row.sessionsPerWeek }),
      ...(row.venueKind !== undefined && { venueKind: row.venueKind }),
      eligibleStaffIds: eligibleOf(row, stored ?? null, staffId),
    };
    if (stored) {
      await repo.update({ id: stored.id }, values);
      counts.updated++;
    } else {
      await repo.insert({
        staffId: null,
        venueId: null,
        sessionsPerWeek: 1,
        venueKind: null,
        ...values,
        termId,
        code: clubCode(row.name, codes),
        cancelled: false,
      });
      counts.created++;
    }
  }
  return counts;
}

// The listed staff (or, with a blank cell, those stored), and the leader among them
// as on the club form: the leader is always one of the club's eligible staff.
function eligibleOf(row: ClubRow, stored: Club | null, staffId: (n: string) => number): number[] {
  const ids = new Set(row.eligibleStaffNumbers?.map(staffId) ?? stored?.eligibleStaffIds ?? []);
  const leader = row.staffNumber !== undefined ? staffId(row.staffNumber) : (stored?.staffId ?? null);
  if (leader !== null) ids.add(leader);
  return [...ids].sort((a, b) => a - b);
}
