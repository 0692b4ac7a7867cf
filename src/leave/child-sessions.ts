// A child's sessions on one date, as the family timetable shows them (the
// timetable's familyWeek: the kernel's day, the published sessions with
// cancellations and cover, the ledger's clubs, the opt-in). A one-session leave
// request chooses among these; nothing is re-read here.
import type { DataSource } from "typeorm";
import { familyWeek } from "../timetable";

export interface ChildSessionChoice {
  entryId: number;
  title: string;
  time: string;
}

export async function childSessionsOn(
  ds: DataSource,
  familyId: number,
  studentId: number,
  date: string,
): Promise<ChildSessionChoice[]> {
  const week = await familyWeek(ds, familyId, studentId, date);
  if (week === null || week === "noTerm") return [];
  const day = week.days.find((d) => d.date === date);
  if (!day || day.day.runsWeekday === null) return [];
  // A cancelled session is not held: there is nothing to ask leave from.
  return day.sessions
    .filter((s) => s.session.cancelled === null)
    .map((s) => ({
      entryId: s.session.entry.id,
      title: s.session.entry.title,
      time: s.startTime ? `${s.startTime}–${s.endTime ?? ""}` : "",
    }));
}
