// Club registers for the demo's published allocation: every club session of the
// term that has happened by the school's today (sessionsOn: a cancelled session
// has no register) is marked for the club's members that day (the membership
// ledger), so the club report has real attendance. About 95 % present, a few on
// leave (家长请假) and a few absent. Deterministic (a hash of child, date and
// session decides) and idempotent: a marker setting records that it ran.
import type { DataSource } from "typeorm";
import { Setting } from "../src/db/entities";
import { inTransaction } from "../src/db/transaction";
import { recordAudit, SYSTEM } from "../src/audit";
import { Attendance, type AttendanceStatus } from "../src/attendance/entities";
import { currentTermCalendar, schoolToday } from "../src/kernel";
import { sessionsOn } from "../src/timetable";
import { membersOnDates } from "../src/membership";
import { bucket } from "./demo-enrollments";

const MARKER = "demo.club-registers.seeded";

function clubStatus(key: string): AttendanceStatus {
  const b = bucket(`club:${key}`);
  return b < 945 ? "present" : b < 980 ? "excused" : "absent";
}

export async function seedDemoClubRegisters(ds: DataSource): Promise<{ seeded: boolean; marks: number }> {
  if (await ds.getRepository(Setting).existsBy({ key: MARKER })) return { seeded: false, marks: 0 };
  const cal = await currentTermCalendar(ds);
  if (!cal) return { seeded: false, marks: 0 };
  const today = await schoolToday(ds);
  const dates = cal.dates.filter((d) => d < today);
  return inTransaction(ds, async (em) => {
    if (await em.getRepository(Setting).existsBy({ key: MARKER })) return { seeded: false, marks: 0 };
    const days = [];
    for (const date of dates)
      days.push({
        date,
        sessions: (await sessionsOn(em, date)).sessions.filter((s) => s.entry.clubId != null && s.cancelled === null),
      });
    const clubIds = [...new Set(days.flatMap((d) => d.sessions.map((s) => s.entry.clubId!)))];
    const members = await membersOnDates(
      em,
      clubIds,
      days.filter((d) => d.sessions.length).map((d) => d.date),
    );
    const rows: Partial<Attendance>[] = [];
    for (const { date, sessions } of days)
      for (const s of sessions) {
        for (const studentId of members.get(date)?.get(s.entry.clubId!) ?? []) {
          const status = clubStatus(`${studentId}:${date}:${s.entry.id}`);
          rows.push({
            entryId: s.entry.id,
            date,
            studentId,
            status,
            note: status === "excused" ? "家长请假" : null,
            markedByStaffId: s.staffId,
            markedAt: `${date}T09:30:00.000Z`,
          });
        }
      }
    for (let i = 0; i < rows.length; i += 300) await em.getRepository(Attendance).insert(rows.slice(i, i + 300));
    await em.getRepository(Setting).insert({ key: MARKER, value: new Date().toISOString() });
    await recordAudit(em, SYSTEM, {
      action: "seed.demo-club-registers",
      entity: "school",
      details: { marks: rows.length, days: dates.length },
    });
    return { seeded: true, marks: rows.length };
  });
}
