// Dismissal lists for the gate (/attendance/dismissal?date=&class=): an admin
// prints every class's; other staff only the children they hand over (their
// class, the sessions they lead that day); families never see them.
import { Router } from "express";
import type { DataSource } from "typeorm";
import { z } from "zod";
import { HttpError, ID_PATTERN, scope, staffUser } from "../http";
import { dismissalDay } from "./dismissal";
import { schoolToday } from "../kernel";
import { dateQuery } from "./date-params";
import { ownClassOf } from "./store";

const classQuery = z.union([z.literal(""), z.string().regex(ID_PATTERN)]).optional();

export function dismissalRoutes(ds: DataSource): Router {
  const router = Router();
  router.get(
    "/attendance/dismissal",
    scope.staff(
      { class_teacher: "own classes", teacher: "own sessions", external: "own club" },
      "dismissal lists: the children one hands over at the gate",
    ),
    async (req, res) => {
      const date = dateQuery(req.query.date) ?? (await schoolToday(ds));
      const cls = classQuery.safeParse(req.query.class);
      if (!cls.success) throw new HttpError(400, "attendance.badClass");
      // A class teacher lands on their own class; "all classes" is one choice away (class=).
      const own =
        req.query.class === undefined && staffUser(req).role === "class_teacher"
          ? await ownClassOf(ds, staffUser(req).id)
          : null;
      const classId = own ? own.id : cls.data ? Number(cls.data) : null;
      const user = staffUser(req);
      const day = await dismissalDay(ds, date, classId, user);
      // Another class's list is not the viewer's to print (an admin's choice of class is never refused).
      if (day && classId !== null && user.role !== "admin" && !day.classes.some((c) => c.id === classId))
        throw new HttpError(403, "errors.forbidden");
      res.render("attendance/dismissal", { title: res.locals.t("attendance.dismissal.title"), date, classId, day });
    },
  );
  return router;
}
