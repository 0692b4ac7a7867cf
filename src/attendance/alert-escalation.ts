// The escalation sweep: an open absence alert that nobody acknowledged (and the
// family did not answer) within notify.escalateAfterMinutes goes to the admins,
// once. Started periodically from src/server.ts and safe on several instances:
// each alert is marked escalated by a conditional UPDATE in the transaction that
// writes the admins' notices, so only the instance whose UPDATE changed the row
// tells anyone. `now` is passed in (tests give a fake one; no timers here).
import type { DataSource } from "typeorm";
import { inTransaction } from "../db";
import { recordAudit, SYSTEM } from "../audit";
import { escalateAfterMinutes } from "../notifications";
import { escalationWindow } from "./core";
import { markEscalated, studentsWithClass, unacknowledgedAlerts } from "./alert-store";
import { tellAdminsOfEscalation } from "./alert-notices";

/** Escalates every alert due at `now`; returns how many this call escalated. */
export async function escalateUnacknowledged(ds: DataSource, now: Date): Promise<number> {
  const minutes = await escalateAfterMinutes(ds.manager);
  const { cutoff, floor } = escalationWindow(now, minutes);
  const due = await unacknowledgedAlerts(ds, floor, cutoff);
  let escalated = 0;
  for (const alert of due) {
    const done = await inTransaction(ds, async (em) => {
      if (!(await markEscalated(em, alert.id, now.toISOString(), cutoff))) return false;
      const [child] = await studentsWithClass(em, [alert.studentId]);
      await recordAudit(em, SYSTEM, {
        action: "attendance.alert-escalated",
        entity: "attendance_alert",
        entityId: alert.id,
        details: { minutes, date: alert.date, session: alert.sessionTitle, class: child?.schoolClass.name ?? null },
      });
      await tellAdminsOfEscalation(em, alert, minutes, now.toISOString());
      return true;
    });
    if (done) escalated++;
  }
  return escalated;
}
