// How long after the day a register may still be changed (a setting, default 3
// days): late corrections are normal (a note from home arrives the next day),
// but a register that can change forever is no record at all.
import type { DataSource } from "typeorm";
import { Setting, inTransaction } from "../db";
import { Actor, recordAudit } from "../audit/audit-service";
import { addDays } from "../kernel";

export const EDIT_DAYS_KEY = "attendance.editDays";
export const DEFAULT_EDIT_DAYS = 3;
export const MAX_EDIT_DAYS = 30;

export async function editWindowDays(ds: DataSource): Promise<number> {
  const raw = (await ds.getRepository(Setting).findOneBy({ key: EDIT_DAYS_KEY }))?.value;
  const n = raw !== undefined && /^\d{1,2}$/.test(raw) ? Number(raw) : DEFAULT_EDIT_DAYS;
  return Math.min(MAX_EDIT_DAYS, n);
}

export async function setEditWindowDays(ds: DataSource, days: number, actor: Actor): Promise<void> {
  await inTransaction(ds, async (em) => {
    const repo = em.getRepository(Setting);
    const before = (await repo.findOneBy({ key: EDIT_DAYS_KEY }))?.value ?? String(DEFAULT_EDIT_DAYS);
    await repo.save({ key: EDIT_DAYS_KEY, value: String(days) });
    await recordAudit(em, actor, { action: "attendance.edit-window", entity: "setting", entityId: EDIT_DAYS_KEY, details: { from: Number(before), to: days } });
  });
}

export type WindowState = "open" | "late" | "future" | "closed";

// The day itself is "open"; the following `days` days are "late" (allowed, flagged in the audit);
// before the day nothing can be marked, and after the window the register is closed.
export function windowState(date: string, today: string, days: number): WindowState {
  if (date > today) return "future";
  if (date === today) return "open";
  return date >= addDays(today, -days) ? "late" : "closed";
}

/** The first date that can still be changed today. */
export function earliestEditable(today: string, days: number): string {
  return addDays(today, -days);
}
