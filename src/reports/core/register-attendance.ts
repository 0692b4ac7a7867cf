// Attendance from the registers (出勤率): attended ÷ expected, over the sessions
// that have happened and whose register was taken. A child counts as attended
// only when the register marks them present AND they were expected (a mark left
// for a child no longer in the club is not attendance), so a rate can never pass
// 100 %. A cancelled session expects nobody; a session that has not happened yet
// is planned and is left out; a past session with nobody marked has no register.
import { rate, Rate, sumRates } from "./rate";
import { hasHappened } from "./happened";
import type { IsoDate } from "./school-days";

export type MarkStatus = "present" | "absent" | "excused";

/** One session on one date, as the timetable says it ran, with who was expected (the roster). */
export interface HeldSession {
  entryId: string;
  date: IsoDate;
  /** The club it belongs to, or null (homework help, sport, activity). */
  clubId: string | null;
  /** Why it did not run that day (weather, outing…), or null when it ran. */
  cancelled: string | null;
  expected: string[];
}

/** One register mark. */
export interface RegisterMark {
  entryId: string;
  date: IsoDate;
  studentId: string;
  status: MarkStatus;
}

export interface SessionAttendance {
  entryId: string;
  date: IsoDate;
  clubId: string | null;
  /** The register was taken (at least one child marked). */
  taken: boolean;
  expected: number;
  /** Expected children marked present. */
  attended: number;
}

export interface AttendanceFigure {
  /** Attended ÷ expected over sessions with a register; no figure when none was taken. */
  rate: Rate;
  /** Sessions that happened and expected someone. */
  sessions: number;
  /** Of those, sessions whose register was taken. */
  registers: number;
}

const key = (entryId: string, date: IsoDate) => `${entryId}|${date}`;

/** The sessions that happened and ran (not cancelled), each with its register's counts. */
export function sessionAttendance(sessions: HeldSession[], marks: RegisterMark[], today: IsoDate): SessionAttendance[] {
  const registers = new Map<string, Map<string, MarkStatus>>();
  for (const m of marks) {
    const k = key(m.entryId, m.date);
    (registers.get(k) ?? registers.set(k, new Map()).get(k)!).set(m.studentId, m.status);
  }
  return sessions
    .filter((s) => s.cancelled === null && hasHappened(s.date, today))
    .map((s) => {
      const register = registers.get(key(s.entryId, s.date));
      const expected = [...new Set(s.expected)];
      return {
        entryId: s.entryId,
        date: s.date,
        clubId: s.clubId,
        taken: register !== undefined && register.size > 0,
        expected: expected.length,
        attended: register ? expected.filter((id) => register.get(id) === "present").length : 0,
      };
    });
}

/** Pooled over sessions: Σ attended ÷ Σ expected of the registers taken (not a mean of percentages). */
export function attendanceFigure(rows: SessionAttendance[]): AttendanceFigure {
  const counted = rows.filter((r) => r.expected > 0);
  const taken = counted.filter((r) => r.taken);
  return {
    rate: sumRates(taken.map((r) => rate(r.attended, r.expected))),
    sessions: counted.length,
    registers: taken.length,
  };
}

/** The figure of each club (clubs with no session that happened get an empty figure). */
export function clubAttendanceFigures(rows: SessionAttendance[], clubIds: string[]): Map<string, AttendanceFigure> {
  return new Map(clubIds.map((id) => [id, attendanceFigure(rows.filter((r) => r.clubId === id))]));
}
