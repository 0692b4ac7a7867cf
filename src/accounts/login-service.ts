// Checks credentials. A failure never says which part was wrong, and takes
// the same time whether or not the account exists (no enumeration).
import type { DataSource } from "typeorm";
import type { Family } from "../db";
import { type SessionUser, decoyHash, normaliseFamilyCode, verifySecret } from "../http";
import { staffByEmail, pupilWithFamily } from "./store";

export type LoginResult = { ok: true; user: SessionUser; locale: string | null } | { ok: false };

export async function loginStaff(ds: DataSource, email: string, password: string): Promise<LoginResult> {
  const staff = await staffByEmail(ds, email);
  const usable = staff && staff.active && staff.passwordHash;
  const valid = await verifySecret(usable ? staff.passwordHash : await decoyHash(), password);
  if (!usable || !valid) return { ok: false };
  return {
    ok: true,
    user: { kind: "staff", id: staff.id, role: staff.role, name: staff.name, version: staff.sessionVersion },
    locale: staff.locale,
  };
}

export async function loginFamily(ds: DataSource, studentNumber: string, code: string): Promise<LoginResult> {
  const student = await pupilWithFamily(ds, studentNumber);
  const family: Family | undefined = student?.family;
  const valid = await verifySecret(family?.accessCodeHash ?? (await decoyHash()), normaliseFamilyCode(code));
  if (!student || !family?.accessCodeHash || !valid) return { ok: false };
  return {
    ok: true,
    user: {
      kind: "family",
      id: family.id,
      name: family.guardianName,
      studentId: student.id,
      version: family.sessionVersion,
    },
    locale: family.locale,
  };
}
