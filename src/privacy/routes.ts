// The privacy notice (public), the family's acceptance (required before any
// other family page), and the admin's per-child export and deletion.
import { Router, Request, Response, NextFunction } from "express";
import type { DataSource } from "typeorm";
import { z } from "zod";
import {
  asDownload,
  downloadName,
  fieldErrors,
  HttpError,
  idParam,
  pageCount,
  pageOf,
  scope,
  formBody,
  searchText,
} from "../http";
import { currentTerm } from "../db";
import { schoolToday } from "../kernel";
import { acceptPrivacy, deleteChild, exportChild, hasAccepted } from "./service";
import { actorOf } from "../audit";
import { studentPage, studentWithClass } from "./student-store";

const OPEN_PATHS = new Set(["/privacy", "/privacy/accept", "/logout", "/lang", "/login"]);

const deleteForm = z.object({
  confirmNumber: z.string().trim().min(1, "validation.required"),
  reason: z.string().trim().min(5, "validation.reasonRequired").max(500, "validation.tooLong"),
});

export function privacyRoutes(ds: DataSource): Router {
  const router = Router();

  // A family that has not accepted the current notice sees only the notice.
  router.use(async (req: Request, res: Response, next: NextFunction) => {
    const user = req.session.user;
    if (!user || user.kind !== "family" || req.session.privacyOk || OPEN_PATHS.has(req.path)) return next();
    if (await hasAccepted(ds, user.id)) {
      req.session.privacyOk = true;
      return next();
    }
    res.redirect("/privacy");
  });

  router.get("/privacy", scope.public("the privacy notice is read before login"), (_req, res) =>
    res.render("privacy/notice", { title: res.locals.t("privacy.title") }),
  );

  router.post("/privacy/accept", scope.family("a family accepts the notice for itself"), async (req, res) => {
    if (formBody(req).accept !== "1") {
      return res.status(400).render("privacy/notice", {
        title: res.locals.t("privacy.title"),
        errors: { accept: { key: "privacy.mustAccept" } },
      });
    }
    await acceptPrivacy(ds, req.session.user!.id, actorOf(req.session.user));
    req.session.privacyOk = true;
    res.redirect("/");
  });

  router.get("/admin/students", scope.admin(), async (req, res) => {
    const page = pageOf(req.query);
    const q = searchText(req.query);
    const { students, total } = await studentPage(ds, q, page.skip, page.size);
    res.render("privacy/students", {
      title: res.locals.t("students.title"),
      students,
      q,
      page: page.page,
      pages: pageCount(total, page.size),
      total,
    });
  });

  router.get("/admin/students/:id/export.json", scope.admin(), async (req, res) => {
    const data = await exportChild(ds, idParam(req.params.id), actorOf(req.session.user));
    if (!data) throw new HttpError(404, "errors.notFound");
    const number = (data.student as { studentNumber: string }).studentNumber;
    const name = downloadName(["kehou-student", number, (await currentTerm(ds))?.name, await schoolToday(ds)], "json");
    asDownload(res, name).json(data);
  });

  router.get("/admin/students/:id/delete", scope.admin(), async (req, res) => {
    const student = await studentWithClass(ds, idParam(req.params.id));
    if (!student) throw new HttpError(404, "errors.notFound");
    res.render("privacy/delete", { title: res.locals.t("students.delete"), student, form: {}, errors: {} });
  });

  router.post("/admin/students/:id/delete", scope.admin(), async (req, res) => {
    const student = await studentWithClass(ds, idParam(req.params.id));
    if (!student) throw new HttpError(404, "errors.notFound");
    const parsed = deleteForm.safeParse(formBody(req));
    let errors = parsed.success ? {} : fieldErrors(parsed.error);
    if (parsed.success && parsed.data.confirmNumber !== student.studentNumber)
      errors = { confirmNumber: { key: "students.confirmMismatch" } };
    if (!parsed.success || Object.keys(errors).length) {
      return res
        .status(400)
        .render("privacy/delete", { title: res.locals.t("students.delete"), student, form: formBody(req), errors });
    }
    await deleteChild(ds, student.id, parsed.data.reason, actorOf(req.session.user));
    req.session.flash = { kind: "ok", key: "students.deleted", params: { number: student.studentNumber } };
    res.redirect("/admin/students");
  });

  return router;
}
