// Service enrollment per class and term: staff (an admin or the class's own
// class teacher) enter the families' paper replies, with counts per weekday.
import { Router, Request, Response } from "express";
import type { DataSource } from "typeorm";
import type { SchoolClass, Term } from "../db";
import { staffByIds } from "./store/staff";
import { scope, HttpError, type FieldErrors, formBody } from "../http";
import { actorOf } from "../audit";
import { managedClass, visibleClasses } from "./class-access";
import { classEnrollment, countsByClass, countWeekdays, parseReplies, saveReplies } from "./enrollment-service";
import { termFromQuery } from "./term-service";

const requireClassStaff = scope.staff(
  { class_teacher: "own classes" },
  "a class's service opt-ins: its class teacher keeps them",
);

export function enrollmentRoutes(ds: DataSource): Router {
  const router = Router();
  const term = async (req: Request): Promise<Term> => {
    const found = await termFromQuery(ds, req.query);
    if (!found) throw new HttpError(404, "school.term.noCurrent");
    return found;
  };

  router.get("/admin/enrollment", requireClassStaff, async (req, res) => {
    const t = await term(req);
    const classes = await visibleClasses(ds, req);
    const counts = await countsByClass(ds, t.id, classes);
    const total = countWeekdays([], 0);
    for (const c of counts.values()) {
      for (const d of [1, 2, 3, 4, 5]) total.byWeekday[d] += c.byWeekday[d];
      total.replies += c.replies;
      total.enrolled += c.enrolled;
      total.students += c.students;
    }
    res.render("school/enrollment/index", {
      title: res.locals.t("school.enrollment.title"),
      term: t,
      classes,
      counts,
      total,
    });
  });

  const page = async (
    res: Response,
    status: number,
    t: Term,
    cls: SchoolClass,
    errors: FieldErrors,
    posted: Record<string, unknown> | null,
  ) => {
    const rows = await classEnrollment(ds, t.id, cls.id);
    const staffIds = [
      ...new Set(rows.map((r) => r.enrollment?.enteredByStaffId).filter((id): id is number => typeof id === "number")),
    ];
    const enteredBy = new Map((await staffByIds(ds, staffIds)).map((s) => [s.id, s.name]));
    const counts = countWeekdays(
      rows.flatMap((r) => (r.enrollment ? [r.enrollment] : [])),
      rows.length,
    );
    res.status(status).render("school/enrollment/class", {
      title: res.locals.t("school.enrollment.classTitle", { name: cls.name }),
      term: t,
      cls,
      rows,
      counts,
      enteredBy,
      errors,
      posted,
    });
  };

  router.get("/admin/enrollment/class/:classId", requireClassStaff, async (req, res) => {
    const cls = await managedClass(ds, req);
    await page(res, 200, await term(req), cls, {}, null);
  });

  router.post("/admin/enrollment/class/:classId", requireClassStaff, async (req, res) => {
    const cls = await managedClass(ds, req);
    const t = await term(req);
    const rows = await classEnrollment(ds, t.id, cls.id);
    const { replies, errors } = parseReplies(
      formBody(req),
      rows.map((r) => r.student),
    );
    if (Object.keys(errors).length) return page(res, 400, t, cls, errors, formBody(req));
    const changed = await saveReplies(ds, t, cls, replies, actorOf(req.session.user));
    req.session.flash = { kind: "ok", key: "school.enrollment.saved", params: { count: changed } };
    res.redirect(`/admin/enrollment/class/${cls.id}?term=${t.id}`);
  });
  return router;
}
