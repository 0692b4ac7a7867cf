// Routes of leave requests (registered in src/routes.ts): the family's list,
// form and withdrawal; the class teacher's list of the day with confirm and query.
import { Router, type Request, type Response } from "express";
import type { DataSource } from "typeorm";
import { actorOf } from "../audit";
import {
  HttpError,
  familyUser,
  formBody,
  idParam,
  optionalId,
  scope,
  staffUser,
  submit,
  type FieldErrors,
} from "../http";
import { z } from "zod";
import { isIsoDate, schoolToday } from "../kernel";
import { leaveForm, queryForm } from "./forms";
import { decidableRequest, decideLeave, familyRequest, requestLeave, withdrawLeave } from "./service";
import { familyLeavePage } from "./family-page";
import { dayListPage } from "./day-page";
import { childSessionsOn } from "./child-sessions";
import { familyChildren } from "./store";
import { LEAVE_KINDS, mayWithdraw } from "./core";

// ?date= on the staff list: absent is today; malformed is a 400 naming the field.
function dateQuery(value: unknown): string | null {
  if (value === undefined || value === "") return null;
  if (!isIsoDate(value)) throw new HttpError(400, "leave.validation.date");
  return value;
}

export function leaveRoutes(ds: DataSource): Router {
  const router = Router();
  const family = scope.family("leave requests: a family asks for its own children only");
  const classTeachers = scope.staff(
    { class_teacher: "own classes" },
    "leave requests: a class teacher sees and answers their own classes' (admins all)",
  );

  async function renderForm(
    req: Request,
    res: Response,
    status: number,
    form: Record<string, unknown>,
    errors: FieldErrors,
  ) {
    const user = familyUser(req);
    const children = await familyChildren(ds, user.id);
    const studentId = optionalId(form.studentId) ?? (children.length === 1 ? children[0].id : user.studentId);
    const date = isIsoDate(form.fromDate) ? form.fromDate : await schoolToday(ds);
    const child = children.find((c) => c.id === studentId) ?? null;
    const sessions = child ? await childSessionsOn(ds, user.id, child.id, date) : [];
    res.status(status).render("leave/form", {
      title: res.locals.t("leave.form.title"),
      children,
      child,
      sessionsDate: date,
      sessions,
      kinds: LEAVE_KINDS,
      // A new form starts on the date asked (or today); a form sent back keeps what was typed.
      form: { scope: "all", ...form, fromDate: form.fromDate ?? date, studentId: child ? String(child.id) : "" },
      errors,
    });
  }

  router.get("/leave", family, async (req, res) => {
    await familyLeavePage(ds, req, res);
  });

  router.get("/leave/new", family, async (req, res) => {
    const q = req.query as Record<string, unknown>;
    await renderForm(req, res, 200, { studentId: q.studentId, fromDate: q.date }, {});
  });

  router.post("/leave", family, async (req, res) => {
    const user = familyUser(req);
    const body = formBody(req);
    const done: { saved?: Awaited<ReturnType<typeof requestLeave>> } = {};
    const ok = await submit(
      leaveForm,
      body,
      async (data) => {
        done.saved = await requestLeave(ds, user.id, data, actorOf(req.session.user));
      },
      (errors) => renderForm(req, res, 400, body, errors),
    );
    if (!ok || !done.saved) return;
    const { request, child } = done.saved;
    req.session.flash = {
      kind: "ok",
      key: "leave.saved",
      params: { child: child.name, from: request.fromDate, to: request.toDate },
    };
    res.redirect(303, "/leave");
  });

  // The form's script asks which sessions a child has on the chosen first day (the
  // family's own children only); without the script the form re-lists them on send.
  router.get("/leave/sessions.json", family, async (req, res) => {
    const user = familyUser(req);
    const q = req.query as Record<string, unknown>;
    const date = dateQuery(q.date) ?? (await schoolToday(ds));
    const studentId = optionalId(q.studentId);
    const child = (await familyChildren(ds, user.id)).find((c) => c.id === studentId);
    if (!child) throw new HttpError(404, "errors.notFound");
    const t = res.locals.t;
    res.json({
      date,
      label: t("leave.form.sessionOf", { date }),
      choose: t("leave.form.chooseSession"),
      none: t("leave.form.noSessions"),
      sessions: await childSessionsOn(ds, user.id, child.id, date),
    });
  });

  router.get("/leave/:id/withdraw", family, async (req, res) => {
    const request = await familyRequest(ds, familyUser(req).id, idParam(req.params.id));
    const child = (await familyChildren(ds, familyUser(req).id)).find((c) => c.id === request.studentId);
    res.render("leave/withdraw", {
      title: res.locals.t("leave.withdraw.title"),
      request,
      child,
      allowed: mayWithdraw(request, await schoolToday(ds)),
    });
  });

  router.post("/leave/:id/withdraw", family, async (req, res) => {
    await withdrawLeave(ds, familyUser(req).id, idParam(req.params.id), actorOf(req.session.user));
    req.session.flash = { kind: "ok", key: "leave.withdrawn" };
    res.redirect(303, "/leave");
  });

  router.get("/leave/requests", classTeachers, async (req, res) => {
    await dayListPage(ds, req, res, dateQuery(req.query.date));
  });

  // Back to the list (day and page) the teacher was on (hidden fields; anything else: today's first page).
  const back = (body: Record<string, unknown>) => {
    const q = new URLSearchParams();
    if (isIsoDate(body.date)) q.set("date", body.date);
    if (typeof body.page === "string" && /^[1-9]\d{0,5}$/.test(body.page)) q.set("page", body.page);
    return `/leave/requests${q.size ? `?${q.toString()}` : ""}`;
  };

  // Whose request it is is checked before the form is read: someone else's is 403/404 whatever was sent.
  router.post("/leave/requests/:id/confirm", classTeachers, async (req, res) => {
    const body = formBody(req);
    const id = idParam(req.params.id);
    await decidableRequest(ds, staffUser(req), id);
    const ok = await submit(
      z.object({}),
      body,
      () => decideLeave(ds, staffUser(req), id, { action: "confirm" }, actorOf(req.session.user)),
      (errors) => dayListPage(ds, req, res, isIsoDate(body.date) ? body.date : null, 400, errors, id, body),
    );
    if (!ok) return;
    req.session.flash = { kind: "ok", key: "leave.confirmedFlash" };
    res.redirect(303, back(body));
  });

  router.post("/leave/requests/:id/query", classTeachers, async (req, res) => {
    const body = formBody(req);
    const id = idParam(req.params.id);
    await decidableRequest(ds, staffUser(req), id);
    const ok = await submit(
      queryForm,
      body,
      (data) => decideLeave(ds, staffUser(req), id, { action: "query", reply: data.reply }, actorOf(req.session.user)),
      (errors) => dayListPage(ds, req, res, isIsoDate(body.date) ? body.date : null, 400, errors, id, body),
    );
    if (!ok) return;
    req.session.flash = { kind: "ok", key: "leave.queriedFlash" };
    res.redirect(303, back(body));
  });

  return router;
}
