// A school day's register figures for the admin home's to-do list: children
// marked absent without an excuse, and excused, across every session that day.
import type { DataSource } from "typeorm";
import { marksOn } from "./store";

export async function absencesOn(ds: DataSource, date: string): Promise<{ absent: number; excused: number }> {
  const marks = await marksOn(ds, date);
  return {
    absent: marks.filter((m) => m.status === "absent").length,
    excused: marks.filter((m) => m.status === "excused").length,
  };
}
