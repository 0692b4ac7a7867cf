// Recording homework: the form, the confirm step when the rules object, edit and delete.
import { Router, type Request, type Response } from "express";
import type { DataSource } from "typeorm";
import type { HomeworkEntry } from "./entities";
import { currentTerm } from "../db";
import { actorOf } from "../audit";
import { HttpError, idParam, scope, staffUser, type FieldErrors } from "../http";
import { canChange, canRecordOn, recordableClasses } from "./access";
import { homeworkFieldErrors, homeworkForm, type HomeworkFormData } from "./homework-form";
import { checkHomeworkDraft, createHomework, deleteHomework, updateHomework } from "./service";
import { classExists, homeworkById } from "./store";
import { schoolToday, weekStartOf } from "../kernel";
import { isIsoDate } from "./core";

const boardHref = (classId: number, date: string) => `/homework/class/${classId}?week=${weekStartOf(date)}#d-${date}`;

export function recordRoutes(ds: DataSource): Router {
  const router = Router();

  async function renderForm(
    req: Request,
    res: Response,
    status: number,
    form: Record<string, unknown>,
    errors: FieldErrors,
    existing?: HomeworkEntry,
  ) {
    // The form's date counts: a teacher covering a class's session that date may choose the class.
    const classes = await recordableClasses(ds, staffUser(req), isIsoDate(form.date) ? [form.date] : []);
    const title = res.locals.t(existing ? "homework.form.editTitle" : "homework.form.newTitle");
    res.status(status).render("homework/form", { title, form, errors, classes, existing: existing ?? null });
  }

  async function loadChangeable(req: Request): Promise<HomeworkEntry> {
    const entry = await homeworkById(ds, idParam(req.params.id));
    if (!entry) throw new HttpError(404, "errors.notFound");
    if (!(await canChange(ds, staffUser(req), entry))) throw new HttpError(403, "errors.forbidden");
    return entry;
  }

  // One handler for create and update: validate → check the day against the rules → confirm → save.
  async function save(req: Request, res: Response, existing?: HomeworkEntry) {
    const user = staffUser(req);
    const body = (req.body ?? {}) as Record<string, unknown>;
    if (body.action === "edit") return renderForm(req, res, 200, body, {}, existing);
    const parsed = homeworkForm.safeParse(body);
    if (!parsed.success) return renderForm(req, res, 400, body, homeworkFieldErrors(parsed.error), existing);
    const data: HomeworkFormData = parsed.data;
    const cls = (await recordableClasses(ds, user, [data.date])).find((c) => c.id === data.classId);
    if (!cls) {
      if (await classExists(ds, data.classId)) throw new HttpError(403, "errors.forbidden");
      return renderForm(req, res, 400, body, { classId: { key: "homework.validation.class" } }, existing);
    }
    const term = await currentTerm(ds);
    if (term && (data.date < term.startDate || data.date > term.endDate)) {
      return renderForm(
        req,
        res,
        400,
        body,
        { date: { key: "homework.validation.outsideTerm", params: { start: term.startDate, end: term.endDate } } },
        existing,
      );
    }
    // The class is theirs, but on this date someone else leads its homework session (cover).
    if (!(await canRecordOn(ds, user, cls, data.date))) {
      return renderForm(req, res, 400, body, { date: { key: "homework.validation.coveredByOther" } }, existing);
    }
    const violations = await checkHomeworkDraft(ds, { ...data, grade: cls.grade }, existing?.id);
    const hasErrors = violations.some((v) => v.severity === "error");
    const confirm = (status: number, errors: FieldErrors) =>
      res.status(status).render("homework/confirm", {
        title: res.locals.t("homework.confirm.title"),
        form: { ...body, ...data },
        cls,
        violations,
        hasErrors,
        errors,
        existing: existing ?? null,
      });
    // Warnings never refuse: the teacher sees them first and may save anyway; errors need "I understand".
    if (violations.length && body.confirmed !== "1") return confirm(200, {});
    if (hasErrors && body.understand !== "1")
      return confirm(400, { understand: { key: "homework.confirm.mustUnderstand" } });
    const saved: HomeworkEntry | null = existing
      ? await updateHomework(ds, existing.id, data, violations, actorOf(req.session.user))
      : await createHomework(ds, data, user.id, violations, actorOf(req.session.user));
    if (!saved) throw new HttpError(404, "errors.notFound");
    req.session.flash = {
      kind: "ok",
      key: existing ? "homework.updated" : "homework.saved",
      params: { subject: saved.subject, className: cls.name },
    };
    res.redirect(boardHref(cls.id, saved.date));
  }

  router.get(
    "/homework/new",
    scope.staff(
      { class_teacher: "own classes", teacher: "own sessions", external: "own sessions" },
      "homework log: the classes one records for",
    ),
    async (req, res) => {
      const classId = typeof req.query.classId === "string" ? req.query.classId : "";
      const date = isIsoDate(req.query.date) ? req.query.date : await schoolToday(ds);
      await renderForm(req, res, 200, { classId, date, tier: "basic", written: "1" }, {});
    },
  );

  router.post(
    "/homework",
    scope.staff(
      { class_teacher: "own classes", teacher: "own sessions", external: "own sessions" },
      "homework log: the classes one records for",
    ),
    (req, res) => save(req, res),
  );

  router.get(
    "/homework/:id/edit",
    scope.staff(
      { class_teacher: "own classes", teacher: "own sessions", external: "own sessions" },
      "homework log: the classes one records for",
    ),
    async (req, res) => {
      const entry = await loadChangeable(req);
      await renderForm(
        req,
        res,
        200,
        { ...entry, classId: String(entry.classId), written: entry.written ? "1" : "", minutes: String(entry.minutes) },
        {},
        entry,
      );
    },
  );

  router.post(
    "/homework/:id",
    scope.staff(
      { class_teacher: "own classes", teacher: "own sessions", external: "own sessions" },
      "homework log: the classes one records for",
    ),
    async (req, res) => save(req, res, await loadChangeable(req)),
  );

  router.post(
    "/homework/:id/delete",
    scope.staff(
      { class_teacher: "own classes", teacher: "own sessions", external: "own sessions" },
      "homework log: the classes one records for",
    ),
    async (req, res) => {
      const entry = await loadChangeable(req);
      await deleteHomework(ds, entry.id, actorOf(req.session.user));
      req.session.flash = { kind: "ok", key: "homework.deleted", params: { subject: entry.subject } };
      res.redirect(boardHref(entry.classId, entry.date));
    },
  );

  return router;
}
