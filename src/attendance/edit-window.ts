// The edit window's setting (the rule itself is core/edit-window.ts): read it,
// and change it with its audit line in one transaction.
import type { DataSource } from "typeorm";
import { inTransaction } from "../db";
import { Actor, recordAudit } from "../audit";
import { DEFAULT_EDIT_DAYS, EDIT_DAYS_KEY, editDaysOf } from "./core";
import { storedEditDays, storeEditDays } from "./store";

export {
  DEFAULT_EDIT_DAYS,
  EDIT_DAYS_KEY,
  MAX_EDIT_DAYS,
  earliestEditable,
  windowState,
  type WindowState,
} from "./core";

export async function editWindowDays(ds: DataSource): Promise<number> {
  return editDaysOf(await storedEditDays(ds));
}

export async function setEditWindowDays(ds: DataSource, days: number, actor: Actor): Promise<void> {
  await inTransaction(ds, async (em) => {
    const before = (await storeEditDays(em, days)) ?? String(DEFAULT_EDIT_DAYS);
    await recordAudit(em, actor, {
      action: "attendance.edit-window",
      entity: "setting",
      entityId: EDIT_DAYS_KEY,
      details: { from: Number(before), to: days },
    });
  });
}
