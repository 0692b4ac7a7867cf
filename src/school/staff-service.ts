// Staff accounts: create, enable/disable, reset a password. Each change is
// audit-logged in the same transaction.
import type { StaffHours } from "../kernel/core";
import type { DataSource } from "typeorm";
import { type Staff, type StaffRole, nowIso, inTransaction } from "../db";
import { insertStaff, saveStaffRow, staffById, staffEmailTaken, staffNumberTaken, updateStaffRow } from "./store/staff";
import { Actor, recordAudit } from "../audit";
import { hashSecret, newStaffPassword, endSessionsOf, fieldError } from "../http";

export interface NewStaff {
  staffNumber: string;
  name: string;
  email: string | null;
  role: StaffRole;
  password: string | null;
  vettedOn: string | null;
  availableDays: number[];
}

export async function createStaff(ds: DataSource, input: NewStaff, actor: Actor): Promise<Staff> {
  const passwordHash = input.password ? await hashSecret(input.password) : null;
  return inTransaction(ds, async (em) => {
    if (await staffNumberTaken(em, input.staffNumber)) throw fieldError("staffNumber", "validation.duplicate");
    if (input.email && (await staffEmailTaken(em, input.email))) throw fieldError("email", "validation.duplicate");
    const now = nowIso();
    const staff = await insertStaff(em, {
      staffNumber: input.staffNumber,
      name: input.name,
      email: input.email,
      role: input.role,
      passwordHash,
      active: true,
      vettedOn: input.vettedOn,
      availableDays: input.availableDays,
      availableHours: null,
      locale: null,
      createdAt: now,
      updatedAt: now,
    });
    await recordAudit(em, actor, {
      action: "staff.create",
      entity: "staff",
      entityId: staff.id,
      details: { staffNumber: staff.staffNumber, role: staff.role },
    });
    return staff;
  });
}

export async function setStaffActive(ds: DataSource, id: number, active: boolean, actor: Actor): Promise<Staff | null> {
  return inTransaction(ds, async (em) => {
    const staff = await staffById(em, id);
    if (!staff) return null;
    staff.active = active;
    staff.updatedAt = nowIso();
    await saveStaffRow(em, staff);
    // A disabled account's open sessions end now, not when they expire.
    staff.sessionVersion = await endSessionsOf(em, "staff", id);
    await recordAudit(em, actor, { action: active ? "staff.enable" : "staff.disable", entity: "staff", entityId: id });
    return staff;
  });
}

// A new random password, shown once to the admin, who hands it over. Whoever
// is logged in with the old one is logged out.
export async function resetStaffPassword(
  ds: DataSource,
  id: number,
  actor: Actor,
): Promise<{ staff: Staff; password: string } | null> {
  const password = newStaffPassword();
  const hash = await hashSecret(password);
  return inTransaction(ds, async (em) => {
    const staff = await staffById(em, id);
    if (!staff) return null;
    staff.passwordHash = hash;
    staff.updatedAt = nowIso();
    await saveStaffRow(em, staff);
    staff.sessionVersion = await endSessionsOf(em, "staff", id);
    await recordAudit(em, actor, { action: "staff.password-reset", entity: "staff", entityId: id });
    return { staff, password };
  });
}

// A staff member's own new password (already checked): their other sessions
// end; the one that made the change goes on with the returned version.
export async function changeOwnPassword(ds: DataSource, id: number, password: string, actor: Actor): Promise<number> {
  const hash = await hashSecret(password);
  return inTransaction(ds, async (em) => {
    await updateStaffRow(em, id, { passwordHash: hash, updatedAt: nowIso() });
    const version = await endSessionsOf(em, "staff", id);
    await recordAudit(em, actor, { action: "staff.password-change", entity: "staff", entityId: id });
    return version;
  });
}

// The details beyond the account: the vetting date and the weekdays they can take.
export async function saveStaffDetails(
  ds: DataSource,
  staff: Staff,
  data: { vettedOn: string | null; availableDays: number[]; availableHours: StaffHours | null },
  actor: Actor,
): Promise<void> {
  await inTransaction(ds, async (em) => {
    await updateStaffRow(em, staff.id, { ...data, updatedAt: nowIso() });
    await recordAudit(em, actor, {
      action: "staff.details",
      entity: "staff",
      entityId: staff.id,
      details: {
        before: { vettedOn: staff.vettedOn, availableDays: staff.availableDays, availableHours: staff.availableHours },
        after: data,
      },
    });
  });
}
