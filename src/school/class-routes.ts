// Admin: grades and classes — list (by grade, searchable, paginated), create,
// edit (name, grade, class teacher), and a class's roster.
import { Router, Request, Response } from "express";
import type { DataSource } from "typeorm";
import type { SchoolClass } from "../db";
import { scope, pageCount, pageOf, FieldErrors, idParam, submit, formBody } from "../http";
import { actorOf } from "../audit";
import { searchText } from "./form-helpers";
import { classForm } from "./people-forms";
import { classTeachers, findClass, saveClass, studentCounts } from "./class-service";
import { rosterOf, searchClasses } from "./store/classes";

export function classRoutes(ds: DataSource): Router {
  const router = Router();

  router.get("/admin/classes", scope.admin(), async (req, res) => {
    const page = pageOf(req.query);
    const q = searchText(req.query);
    const grade =
      typeof req.query.grade === "string" && /^[1-6]$/.test(req.query.grade) ? Number(req.query.grade) : null;
    const archived = req.query.archived === "1";
    const [classes, total] = await searchClasses(ds, { archived, grade, q }, page.skip, page.size);
    res.render("school/classes/list", {
      title: res.locals.t("school.class.title"),
      classes,
      counts: await studentCounts(ds),
      q,
      grade,
      archived,
      total,
      page: page.page,
      pages: pageCount(total, page.size),
    });
  });

  const form = async (res: Response, status: number, cls: SchoolClass | null, values: object, errors: FieldErrors) =>
    res.status(status).render("school/classes/edit", {
      title: res.locals.t(cls ? "school.class.edit" : "school.class.new"),
      cls,
      form: values,
      errors,
      teachers: await classTeachers(ds),
    });

  router.get("/admin/classes/new", scope.admin(), (_req, res) => form(res, 200, null, {}, {}));
  router.get("/admin/classes/:id/edit", scope.admin(), async (req, res) => {
    const cls = await findClass(ds, idParam(req.params.id));
    await form(res, 200, cls, cls, {});
  });

  const save = (withId: boolean) => async (req: Request, res: Response) => {
    const cls = withId ? await findClass(ds, idParam(req.params.id)) : null;
    let saved: SchoolClass | undefined;
    const ok = await submit(
      classForm,
      req.body,
      async (data) => {
        saved = await saveClass(ds, cls?.id ?? null, data, actorOf(req.session.user));
      },
      (errors) => form(res, 400, cls, formBody(req), errors),
    );
    if (!ok || !saved) return;
    req.session.flash = { kind: "ok", key: "school.saved" };
    res.redirect(`/admin/classes/${saved.id}`);
  };
  router.post("/admin/classes", scope.admin(), save(false));
  router.post("/admin/classes/:id", scope.admin(), save(true));

  router.get("/admin/classes/:id", scope.admin(), async (req, res) => {
    const cls = await findClass(ds, idParam(req.params.id));
    const students = await rosterOf(ds, cls);
    res.render("school/classes/show", { title: cls.name, cls, students });
  });
  return router;
}
