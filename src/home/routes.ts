// "/" lands each role on a home page made for it.
import { Router } from "express";
import type { DataSource } from "typeorm";
import { scope, HttpError, formBody } from "../http";
import { homeFor } from "./service";
import { childOf } from "./store";

export function homeRoutes(ds: DataSource): Router {
  const router = Router();
  router.get(
    "/",
    scope.signedIn(
      { class_teacher: "own classes", teacher: "own sessions", external: "own club" },
      "each role's home page",
    ),
    async (req, res) => {
      const home = await homeFor(ds, req.session.user!);
      res.render(`home/${home.view}`, { title: res.locals.t(`home.title.${home.view}`), ...home.data });
    },
  );

  // A family with several children switches the child it is looking at (on the home page or the timetable).
  router.post("/family/child", scope.family("switch between the family's own children"), async (req, res) => {
    const user = req.session.user!;
    const id = Number(formBody(req).studentId);
    if (user.kind !== "family" || !Number.isInteger(id)) throw new HttpError(400, "validation.student");
    const child = await childOf(ds, user.id, id);
    if (!child) throw new HttpError(404, "errors.notFound");
    req.session.user = { ...user, studentId: child.id };
    // The timetable's switcher comes back to the timetable; anything else lands home (never a free URL).
    res.redirect(formBody(req).next === "timetable" ? "/timetable" : "/");
  });
  return router;
}
