// GET /leave/requests: the requests covering one date (today by default) for the
// class teacher's own classes, or every class for an admin, with a date picker,
// a page at a time. A date holds at most one whole-day request per child, so the
// day is read and ordered (class, then name) in one go and shown in pages.
import type { Request, Response } from "express";
import type { DataSource } from "typeorm";
import { pageCount, pageOf, staffUser, type FieldErrors } from "../http";
import { addDays, schoolToday } from "../kernel";
import { mayDecide } from "./core";
import { classesOf, dayList } from "./store";

const PAGE_SIZE = 20;

export async function dayListPage(
  ds: DataSource,
  req: Request,
  res: Response,
  date: string | null,
  status = 200,
  errors: FieldErrors = {},
  errorFor: number | null = null,
  form: Record<string, unknown> = {},
): Promise<void> {
  const user = staffUser(req);
  const today = await schoolToday(ds);
  const day = date ?? today;
  const classes = await classesOf(ds, user.role === "admin" ? null : user.id);
  const rows = await dayList(ds, day, user.role === "admin" ? null : classes.map((c) => c.id));
  // A confirm or a question sent back with errors stays on the page it came from.
  const page = pageOf(req.method === "GET" ? req.query : form, PAGE_SIZE);
  const pages = pageCount(rows.length, page.size);
  const shown = Math.min(page.page, pages);
  const start = (shown - 1) * page.size;
  res.status(status).render("leave/day-list", {
    title: res.locals.t("leave.day.title"),
    date: day,
    today,
    prev: addDays(day, -1),
    next: addDays(day, 1),
    isAdmin: user.role === "admin",
    hasClasses: classes.length > 0,
    total: rows.length,
    page: shown,
    pages,
    rows: rows
      .slice(start, start + page.size)
      .map(({ request, child }) => ({ request, child, decidable: mayDecide(request, today) })),
    errors,
    errorFor,
    form,
  });
}
