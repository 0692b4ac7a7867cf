// Admin: families (guardian, phone, family key) and their children (student
// number or 学籍号, name, class). Lists are searchable and paginated.
import { Router, Request, Response } from "express";
import type { DataSource } from "typeorm";
import type { Family, Student } from "../db";
import { currentClasses } from "./store/classes";
import { childOf } from "./store/families";
import { scope, HttpError, pageCount, pageOf, FieldErrors, idParam, optionalId, submit, formBody } from "../http";
import { actorOf } from "../audit";
import { searchText } from "./form-helpers";
import { familyForm, newFamilyForm, studentForm } from "./people-forms";
import { childrenOf, createFamily, findFamily, saveChild, searchFamilies, updateFamily } from "./family-service";

export function familyRoutes(ds: DataSource): Router {
  const router = Router();
  const classes = () => currentClasses(ds);

  router.get("/admin/families", scope.admin(), async (req, res) => {
    const page = pageOf(req.query);
    const q = searchText(req.query);
    const { families, total } = await searchFamilies(ds, q, page.skip, page.size);
    res.render("school/families/list", {
      title: res.locals.t("school.family.title"),
      families,
      q,
      total,
      page: page.page,
      pages: pageCount(total, page.size),
    });
  });

  const newPage = async (res: Response, status: number, form: object, errors: FieldErrors) =>
    res.status(status).render("school/families/new", {
      title: res.locals.t("school.family.new"),
      form,
      errors,
      classes: await classes(),
    });

  router.get("/admin/families/new", scope.admin(), (req, res) =>
    newPage(res, 200, { classId: optionalId(req.query.classId) ?? "" }, {}),
  );

  router.post("/admin/families", scope.admin(), async (req, res) => {
    let family: Family | undefined;
    const ok = await submit(
      newFamilyForm,
      req.body,
      async (data) => {
        family = await createFamily(ds, data, actorOf(req.session.user));
      },
      (errors) => newPage(res, 400, formBody(req), errors),
    );
    if (!ok || !family) return;
    req.session.flash = { kind: "ok", key: "school.family.created" };
    res.redirect(`/admin/families/${family.id}`);
  });

  const showPage = async (
    res: Response,
    status: number,
    family: Family,
    forms: { family?: object; child?: object },
    errors: FieldErrors = {},
  ) =>
    res.status(status).render("school/families/show", {
      title: res.locals.t("school.family.titleOne", { key: family.familyKey }),
      family,
      children: await childrenOf(ds, family.id),
      classes: await classes(),
      form: forms.family ?? family,
      childForm: forms.child ?? {},
      errors,
      familyErrors: forms.child ? {} : errors,
      childErrors: forms.child ? errors : {},
    });

  router.get("/admin/families/:id", scope.admin(), async (req, res) => {
    await showPage(res, 200, await findFamily(ds, idParam(req.params.id)), {});
  });

  router.post("/admin/families/:id", scope.admin(), async (req, res) => {
    const family = await findFamily(ds, idParam(req.params.id));
    const ok = await submit(
      familyForm,
      req.body,
      (data) => updateFamily(ds, family, data, actorOf(req.session.user)),
      (errors) => showPage(res, 400, family, { family: formBody(req) }, errors),
    );
    if (!ok) return;
    req.session.flash = { kind: "ok", key: "school.saved" };
    res.redirect(`/admin/families/${family.id}`);
  });

  router.post("/admin/families/:id/children", scope.admin(), async (req, res) => {
    const family = await findFamily(ds, idParam(req.params.id));
    const ok = await submit(
      studentForm,
      req.body,
      (data) => saveChild(ds, family, null, data, actorOf(req.session.user)),
      (errors) => showPage(res, 400, family, { child: formBody(req) }, errors),
    );
    if (!ok) return;
    req.session.flash = { kind: "ok", key: "school.family.childAdded" };
    res.redirect(`/admin/families/${family.id}`);
  });

  const findChild = async (req: Request) => {
    const family = await findFamily(ds, idParam(req.params.id));
    const student = await childOf(ds, family.id, idParam(req.params.studentId));
    if (!student) throw new HttpError(404, "errors.notFound");
    return { family, student };
  };
  const childPage = async (
    res: Response,
    status: number,
    family: Family,
    student: Student,
    form: object,
    errors: FieldErrors,
  ) =>
    res.status(status).render("school/families/child", {
      title: res.locals.t("school.family.editChild"),
      family,
      student,
      form,
      errors,
      classes: await classes(),
    });

  router.get("/admin/families/:id/children/:studentId/edit", scope.admin(), async (req, res) => {
    const { family, student } = await findChild(req);
    await childPage(res, 200, family, student, student, {});
  });

  router.post("/admin/families/:id/children/:studentId", scope.admin(), async (req, res) => {
    const { family, student } = await findChild(req);
    const ok = await submit(
      studentForm,
      req.body,
      (data) => saveChild(ds, family, student, data, actorOf(req.session.user)),
      (errors) => childPage(res, 400, family, student, formBody(req), errors),
    );
    if (!ok) return;
    req.session.flash = { kind: "ok", key: "school.saved" };
    res.redirect(`/admin/families/${family.id}`);
  });
  return router;
}
