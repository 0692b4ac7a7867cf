// The class teacher's view of their class's day (/classes/:id/day?date=): a
// class teacher sees only their own classes, an admin any class.
import { Router } from "express";
import type { DataSource } from "typeorm";
import { scope } from "../http";
import { managedClass } from "../school";
import { schoolToday } from "../kernel";
import { classDay } from "./class-day";
import { dateQuery } from "./date-params";
import { pickupsByChild } from "./pickup-routes";

export function classDayRoutes(ds: DataSource): Router {
  const router = Router();
  router.get(
    "/classes/:id/day",
    scope.staff(
      { class_teacher: "own classes" },
      "a class's day: who stays for what, who leaves when, who is absent or on leave",
    ),
    async (req, res) => {
      const cls = await managedClass(ds, req, "id");
      const date = dateQuery(req.query.date) ?? (await schoolToday(ds));
      const model = await classDay(ds, cls, date);
      res.render("attendance/class-day", {
        title: res.locals.t("attendance.classDay.title", { name: cls.name }),
        cls,
        ...model,
        pickups: await pickupsByChild(
          ds,
          date,
          model.children.map((c) => c.id),
        ),
        // A pick-up is recorded as it happens: the link is offered on today's page only.
        isToday: date === (await schoolToday(ds)),
      });
    },
  );
  return router;
}
