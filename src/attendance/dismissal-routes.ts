// Dismissal lists for the gate (/attendance/dismissal?date=&class=): any staff
// member may print them; families never see other children.
import { Router } from "express";
import type { DataSource } from "typeorm";
import { z } from "zod";
import { requireStaff, staffUser } from "../web/auth/guards";
import { SchoolClass } from "../db/entities";
import { HttpError } from "../web/errors";
import { dismissalDay } from "./dismissal";
import { schoolToday } from "./clock";
import { dateQuery } from "./params";

const classQuery = z.union([z.literal(""), z.string().regex(/^\d{1,9}$/)]).optional();

export function dismissalRoutes(ds: DataSource): Router {
  const router = Router();
  router.get("/attendance/dismissal", requireStaff(), async (req, res) => {
    const date = dateQuery(req.query.date) ?? await schoolToday(ds);
    const cls = classQuery.safeParse(req.query.class);
    if (!cls.success) throw new HttpError(400, "attendance.badClass");
    // A class teacher lands on their own class; "all classes" is one choice away (class=).
    const own = req.query.class === undefined && staffUser(req).role === "class_teacher"
      ? await ds.getRepository(SchoolClass).findOneBy({ classTeacherId: staffUser(req).id, archived: false })
      : null;
    const classId = own ? own.id : cls.data ? Number(cls.data) : null;
    const day = await dismissalDay(ds, date, classId);
    res.render("attendance/dismissal", { title: res.locals.t("attendance.dismissal.title"), date, classId, day });
  });
  return router;
}
