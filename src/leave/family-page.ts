// GET /leave for a family: its children's requests, the ones still ahead first
// (with their status, the class teacher's question, and a withdraw link while
// allowed), then the past ones a page at a time.
import type { Request, Response } from "express";
import type { DataSource } from "typeorm";
import { familyUser, pageCount, pageOf } from "../http";
import { schoolToday } from "../kernel";
import { isPast, mayWithdraw } from "./core";
import { familyChildren, leaveOfStudents } from "./store";

export async function familyLeavePage(ds: DataSource, req: Request, res: Response): Promise<void> {
  const user = familyUser(req);
  const [children, today] = await Promise.all([familyChildren(ds, user.id), schoolToday(ds)]);
  const names = new Map(children.map((c) => [c.id, c.name]));
  const rows = (await leaveOfStudents(ds, [...names.keys()])).map((r) => ({
    ...r,
    childName: names.get(r.studentId) ?? "",
    withdrawable: mayWithdraw(r, today),
  }));
  // Ahead: soonest first; past: latest first (the store's order).
  const upcoming = rows.filter((r) => !isPast(r, today)).reverse();
  const past = rows.filter((r) => isPast(r, today));
  const page = pageOf(req.query, 20);
  res.render("leave/family-list", {
    title: res.locals.t("leave.title"),
    children,
    today,
    upcoming,
    past: past.slice(page.skip, page.skip + page.size),
    page: page.page,
    pages: pageCount(past.length, page.size),
  });
}
