// The teacher's phone pages: today's sessions (/attendance), one register
// (/attendance/sessions/:entryId/:date), "all present", then the exceptions.
import { Router, Request, Response } from "express";
import type { DataSource } from "typeorm";
import { idParam, pageCount, pageOf, scope, type FieldErrors } from "../http";
import { actorOf } from "../audit";
import { dayOverview } from "./day-service";
import { allPresentMarks, loadRegister, Register, saveMarks } from "./register-service";
import { parseMarks } from "./mark-form";
import { dateParam, dateQuery } from "./date-params";
import { pickupsByChild } from "./pickup-routes";

async function renderRegister(
  ds: DataSource,
  res: Response,
  reg: Register,
  status = 200,
  errors: FieldErrors = {},
  form: Record<string, unknown> = {},
): Promise<void> {
  const counts = { present: 0, absent: 0, excused: 0 };
  for (const m of reg.marks.values()) counts[m.status]++;
  res.status(status).render("attendance/register", {
    title: res.locals.t("attendance.register.title", { title: reg.session.entry.title }),
    reg,
    counts,
    unmarked: reg.roster.filter((c) => !reg.marks.has(c.id)).length,
    errors,
    form,
    // Who was collected early, by whom (pickup): shown on each row, with the link to record one.
    pickups: await pickupsByChild(
      ds,
      reg.session.date,
      reg.roster.map((c) => c.id),
    ),
  });
}

export function registerRoutes(ds: DataSource): Router {
  const router = Router();
  const staff = scope.staff(
    { class_teacher: "own sessions", teacher: "own sessions", external: "own club" },
    "registers: the sessions one leads (an admin covers any)",
  );

  router.get("/attendance", staff, async (req, res) => {
    const day = await dayOverview(ds, req.session.user!, dateQuery(req.query.date));
    // A teacher has a few sessions a day; an admin sees all of them (50 or more on club day), a page at a time.
    const page = pageOf(req.query, 40);
    const shown = day.sessions.slice(page.skip, page.skip + page.size);
    res.render("attendance/index", {
      title: res.locals.t("attendance.title"),
      day,
      shown,
      page: page.page,
      pages: pageCount(day.sessions.length, page.size),
    });
  });

  const load = (req: Request) =>
    loadRegister(ds, req.session.user!, idParam(req.params.entryId), dateParam(req.params.date));

  router.get("/attendance/sessions/:entryId/:date", staff, async (req, res) => {
    await renderRegister(ds, res, await load(req));
  });

  router.post("/attendance/sessions/:entryId/:date", staff, async (req, res) => {
    const reg = await load(req);
    const body = (req.body ?? {}) as Record<string, unknown>;
    const { marks, errors } = parseMarks(
      body,
      reg.roster.map((c) => c.id),
    );
    if (Object.keys(errors).length > 0) return renderRegister(ds, res, reg, 400, errors, body);
    const changed = await saveMarks(ds, reg, marks, req.session.user!, actorOf(req.session.user));
    const absent = marks.filter((m) => m.status === "absent" && reg.marks.get(m.studentId)?.status !== "absent").length;
    req.session.flash = {
      kind: "ok",
      key: absent > 0 ? "attendance.savedWithAlerts" : "attendance.saved",
      params: { count: changed, absent },
    };
    res.redirect(303, `/attendance/sessions/${reg.session.entry.id}/${reg.session.date}`);
  });

  router.post("/attendance/sessions/:entryId/:date/all-present", staff, async (req, res) => {
    const reg = await load(req);
    const changed = await saveMarks(ds, reg, allPresentMarks(reg), req.session.user!, actorOf(req.session.user));
    req.session.flash = { kind: "ok", key: "attendance.allPresentDone", params: { count: changed } };
    res.redirect(303, `/attendance/sessions/${reg.session.entry.id}/${reg.session.date}`);
  });

  return router;
}
