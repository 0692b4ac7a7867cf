// "/" lands each role on a home page made for it.
import { Router } from "express";
import type { DataSource } from "typeorm";
import { scope } from "./auth/route-scope";
import { homeFor } from "./home-service";
import { HttpError } from "./errors";
import { Student } from "../db/entities";
import type { SessionUser } from "./session-user";

export function homeRoutes(ds: DataSource): Router {
  const router = Router();
  router.get("/", scope.signedIn({ class_teacher: "own classes", teacher: "own sessions", external: "own club" }, "each role's home page"), async (req, res, next) => {
    // A family or child deleted while this session was open: the session is
    // over (it may still hold the guardian's name), not a server error.
    if (!(await stillThere(ds, req.session.user!))) {
      return req.session.destroy((err) => {
        if (err) return next(err);
        res.clearCookie("kehou.sid");
        res.redirect("/login");
      });
    }
    const home = await homeFor(ds, req.session.user!);
    res.render(`home/${home.view}`, { title: res.locals.t(`home.title.${home.view}`), ...home.data });
  });

  // A family with several children switches the child it is looking at.
  router.post("/family/child", scope.family("switch between the family's own children"), async (req, res) => {
    const user = req.session.user!;
    const id = Number(req.body?.studentId);
    if (user.kind !== "family" || !Number.isInteger(id)) throw new HttpError(400, "validation.student");
    const child = await ds.getRepository(Student).findOneBy({ id, familyId: user.id, archived: false });
    if (!child) throw new HttpError(404, "errors.notFound");
    req.session.user = { ...user, studentId: child.id };
    res.redirect("/");
  });
  return router;
}

async function stillThere(ds: DataSource, user: SessionUser): Promise<boolean> {
  if (user.kind !== "family") return true;
  // The child's row names its family (a foreign key), so one read answers for both.
  return ds.getRepository(Student).existsBy({ id: user.studentId, familyId: user.id });
}
