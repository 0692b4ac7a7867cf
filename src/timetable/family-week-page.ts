// GET /timetable for a family: the active child's own week (the switcher and
// the week links change which child and which week). Staff keep the grid.
import type { Request, Response } from "express";
import type { DataSource } from "typeorm";
import { HttpError } from "../http";
import { isIsoDate } from "../kernel";
import { familyWeek } from "./family-week";

// ?week= takes any date of the week (the links give its Monday); a date outside the term shows the nearest term week.
function weekQuery(raw: unknown): string | null {
  if (raw === undefined || raw === "") return null;
  if (!isIsoDate(raw)) throw new HttpError(400, "timetable.family.badWeek");
  return raw;
}

export async function familyWeekPage(ds: DataSource, req: Request, res: Response): Promise<void> {
  const user = req.session.user!;
  if (user.kind !== "family") throw new HttpError(404, "errors.notFound");
  const week = await familyWeek(ds, user.id, user.studentId, weekQuery(req.query.week));
  if (week === null) throw new HttpError(404, "errors.notFound");
  const title = res.locals.t("timetable.family.title");
  if (week === "noTerm") return res.render("timetable/no-term", { title });
  res.render("timetable/family-week", { title, ...week });
}
