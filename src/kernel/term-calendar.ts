// The current term's school days: which dates the service runs and which
// weekday's timetable each runs. Shared by the registers, the dismissal lists and the reports.
import type { DataSource } from "typeorm";
import type { Term } from "../db";
import { termCalendarOf, type TermCalendar } from "./core/term-weeks";
import { currentSchoolCalendar } from "./store";

export interface CurrentTermCalendar extends TermCalendar {
  term: Term;
}

export async function currentTermCalendar(ds: DataSource): Promise<CurrentTermCalendar | null> {
  const current = await currentSchoolCalendar(ds);
  return current && { term: current.term, ...termCalendarOf(current.calendar) };
}
