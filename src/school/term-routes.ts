// Admin: terms (create, edit, mark current) and the term calendar (holidays,
// exam days, make-up days, events; month by month, printable).
import { Router, Response } from "express";
import type { DataSource } from "typeorm";
import type { CalendarDay, Term } from "../db";
import { scope, HttpError, FieldErrors, idParam, submit, formBody } from "../http";
import { actorOf } from "../audit";
import { calendarDayForm, termForm } from "./term-forms";
import { termCalendar } from "./calendar-months";
import {
  addCalendarDays,
  calendarDayById,
  calendarDaysOf,
  createTerm,
  deleteCalendarDay,
  findTerm,
  setCurrentTerm,
  termFromQuery,
  termsNewestFirst,
  updateCalendarDay,
  updateTerm,
} from "./term-service";

export function termRoutes(ds: DataSource): Router {
  const router = Router();

  router.get("/admin/terms", scope.admin(), async (_req, res) => {
    const terms = await termsNewestFirst(ds);
    res.render("school/terms/list", { title: res.locals.t("school.term.title"), terms });
  });

  const termPage = (res: Response, status: number, term: Term | null, form: object, errors: FieldErrors) =>
    res.status(status).render("school/terms/edit", {
      title: res.locals.t(term ? "school.term.edit" : "school.term.new"),
      term,
      form,
      errors,
    });

  router.get("/admin/terms/new", scope.admin(), (_req, res) => termPage(res, 200, null, {}, {}));

  router.post("/admin/terms", scope.admin(), async (req, res) => {
    let created: Term | undefined;
    const ok = await submit(
      termForm,
      req.body,
      async (data) => {
        created = await createTerm(ds, data, actorOf(req.session.user));
      },
      (errors) => termPage(res, 400, null, formBody(req), errors),
    );
    if (!ok || !created) return;
    req.session.flash = { kind: "ok", key: "school.term.created", params: { name: created.name } };
    res.redirect(`/admin/calendar?term=${created.id}`);
  });

  router.get("/admin/terms/:id/edit", scope.admin(), async (req, res) => {
    const term = await findTerm(ds, idParam(req.params.id));
    termPage(res, 200, term, term, {});
  });

  router.post("/admin/terms/:id", scope.admin(), async (req, res) => {
    const term = await findTerm(ds, idParam(req.params.id));
    const ok = await submit(
      termForm,
      req.body,
      (data) => updateTerm(ds, term.id, data, actorOf(req.session.user)),
      (errors) => termPage(res, 400, term, formBody(req), errors),
    );
    if (!ok) return;
    req.session.flash = { kind: "ok", key: "school.saved" };
    res.redirect("/admin/terms");
  });

  router.post("/admin/terms/:id/current", scope.admin(), async (req, res) => {
    const term = await setCurrentTerm(ds, idParam(req.params.id), actorOf(req.session.user));
    req.session.flash = { kind: "ok", key: "school.term.madeCurrent", params: { name: term.name } };
    res.redirect("/admin/terms");
  });

  const calendarPage = async (res: Response, status: number, term: Term, form: object, errors: FieldErrors) => {
    const days = await calendarDaysOf(ds, term.id);
    const terms = await termsNewestFirst(ds);
    res.status(status).render("school/calendar/view", {
      title: res.locals.t("school.calendar.title"),
      term,
      terms,
      days,
      calendar: termCalendar(term, days),
      form,
      errors,
    });
  };

  router.get("/admin/calendar", scope.admin(), async (req, res) => {
    const term = await termFromQuery(ds, req.query);
    if (!term) return res.redirect("/admin/terms/new");
    await calendarPage(res, 200, term, { kind: "holiday" }, {});
  });

  router.post("/admin/calendar/:termId/days", scope.admin(), async (req, res) => {
    const term = await findTerm(ds, idParam(req.params.termId));
    const ok = await submit(
      calendarDayForm,
      req.body,
      (data) => addCalendarDays(ds, term, data, actorOf(req.session.user)),
      (errors) => calendarPage(res, 400, term, formBody(req), errors),
    );
    if (!ok) return;
    req.session.flash = {
      kind: "ok",
      key: formBody(req).restore === "1" ? "school.calendar.restored" : "school.calendar.added",
      params: { name: formBody(req).name },
    };
    res.redirect(`/admin/calendar?term=${term.id}`);
  });

  const findDay = async (id: string | string[] | undefined) => {
    const day = await calendarDayById(ds, idParam(id));
    if (!day) throw new HttpError(404, "errors.notFound");
    return { day, term: await findTerm(ds, day.termId) };
  };
  const dayPage = (res: Response, status: number, day: CalendarDay, term: Term, form: object, errors: FieldErrors) =>
    res
      .status(status)
      .render("school/calendar/day", { title: res.locals.t("school.calendar.editDay"), day, term, form, errors });

  router.get("/admin/calendar/days/:id/edit", scope.admin(), async (req, res) => {
    const { day, term } = await findDay(req.params.id);
    dayPage(res, 200, day, term, day, {});
  });

  router.post("/admin/calendar/days/:id", scope.admin(), async (req, res) => {
    const { day, term } = await findDay(req.params.id);
    const body = { ...formBody(req), until: "" };
    const ok = await submit(
      calendarDayForm,
      body,
      (data) => updateCalendarDay(ds, day, term, data, actorOf(req.session.user)),
      (errors) => dayPage(res, 400, day, term, body, errors),
    );
    if (!ok) return;
    req.session.flash = { kind: "ok", key: "school.saved" };
    res.redirect(`/admin/calendar?term=${term.id}`);
  });

  // Deleting asks first (data-confirm); the page after it offers an undo.
  router.post("/admin/calendar/days/:id/delete", scope.admin(), async (req, res) => {
    const { day, term } = await findDay(req.params.id);
    await deleteCalendarDay(ds, day, actorOf(req.session.user));
    req.session.flash = {
      kind: "ok",
      key: "school.calendar.deleted",
      params: { date: day.date, name: day.name, kind: day.kind, runsWeekday: day.runsWeekday ?? "", termId: term.id },
    };
    res.redirect(`/admin/calendar?term=${term.id}`);
  });

  return router;
}
