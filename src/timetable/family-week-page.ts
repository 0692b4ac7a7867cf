// GET /timetable for a family: the active child's own week (the switcher and
// the week links change which child and which week). Staff keep the grid.
import type { Request, Response } from "express";
import type { DataSource } from "typeorm";
import { HttpError } from "../http";
import { isIsoDate } from "../kernel";
import { familyWeek } from "./family-week";

/**
 * A child's leave (请假) on some dates: date → kind and the sessions it covers. The app
 * hands in the leave capability's answer (src/routes.ts), as it does the allocation's seats
 * to choices, so the timetable imports nothing of leave (which asks the timetable for a child's day).
 */
export type LeaveOfChild = (
  ds: DataSource,
  studentId: number,
  dates: readonly string[],
) => Promise<ReadonlyMap<string, { kind: string; entryIds: number[] | "all" }>>;

// ?week= takes any date of the week (the links give its Monday); a date outside the term shows the nearest term week.
function weekQuery(raw: unknown): string | null {
  if (raw === undefined || raw === "") return null;
  if (!isIsoDate(raw)) throw new HttpError(400, "timetable.family.badWeek");
  return raw;
}

export async function familyWeekPage(
  ds: DataSource,
  req: Request,
  res: Response,
  leaveOf?: LeaveOfChild,
): Promise<void> {
  const user = req.session.user!;
  if (user.kind !== "family") throw new HttpError(404, "errors.notFound");
  const week = await familyWeek(ds, user.id, user.studentId, weekQuery(req.query.week));
  if (week === null) throw new HttpError(404, "errors.notFound");
  const title = res.locals.t("timetable.family.title");
  if (week === "noTerm") return res.render("timetable/no-term", { title });
  const leave = leaveOf ? await leaveOf(ds, week.child.id, week.week.dates) : new Map();
  res.render("timetable/family-week", { title, ...week, leave });
}
