// Early pick-up (提前接走), recorded by the teacher from a register or by the
// class teacher from the class's day: one phone page per child with the family's
// pick-up list and "someone else". Who may: the register's own teacher (or an
// admin) for the children on that register; the class teacher for their class.
// The pick-up itself is the pickup capability's; this checks who and where.
import { Router, type Request, type Response } from "express";
import type { DataSource } from "typeorm";
import { formBody, HttpError, idParam, optionalId, scope, staffUser, submit, type FieldErrors } from "../http";
import { actorOf } from "../audit";
import { managedClass } from "../school";
import { schoolNow, schoolToday, schoolZone, toLocalInput } from "../kernel";
import {
  type EarlyPickup,
  earlyForm,
  earlyPickupsOn,
  peopleOfStudents,
  recordEarlyPickup,
  undoEarlyPickup,
  undoForm,
  undoRefusal,
} from "../pickup";
import { loadRegister, WindowClosed } from "./register-service";
import { classDay } from "./class-day";
import { dateParam, dateQuery } from "./date-params";

interface Place {
  /** Where the form posts and where it returns. */
  action: string;
  back: string;
  date: string;
  entryId: number | null;
  children: { id: number; name: string }[];
}

async function render(
  ds: DataSource,
  req: Request,
  res: Response,
  place: Place,
  studentId: number | null,
  status = 200,
  errors: FieldErrors = {},
) {
  const child = place.children.find((c) => c.id === studentId);
  if (!child) throw new HttpError(404, "pickup.early.notInRoster");
  const [people, [current], today] = await Promise.all([
    peopleOfStudents(ds, [child.id]),
    earlyPickupsOn(ds, place.date, [child.id]),
    schoolToday(ds),
  ]);
  const user = staffUser(req);
  res.status(status).render("attendance/early-pickup", {
    title: res.locals.t("pickup.early.title"),
    place,
    child,
    people: people.get(child.id) ?? [],
    current: current ?? null,
    // The undo is offered only to whom the rule allows (the service checks again).
    mayUndo: current !== undefined && undoRefusal(current, by(user), today) === null,
    form: status === 200 ? {} : formBody(req),
    errors,
  });
}

async function save(ds: DataSource, req: Request, res: Response, place: Place, staffId: number) {
  const body = formBody(req);
  const saved = await submit(
    earlyForm,
    body,
    async (form) => {
      const child = place.children.find((c) => c.id === form.studentId);
      if (!child) throw new HttpError(404, "pickup.early.notInRoster");
      const now = schoolNow();
      const time = form.time ?? toLocalInput(now.toISOString(), await schoolZone(ds.manager)).slice(11, 16);
      const result = await recordEarlyPickup(
        ds,
        { studentId: child.id, date: place.date, time, collector: form.collector, entryId: place.entryId, staffId },
        actorOf(req.session.user),
        now.toISOString(),
      );
      req.session.flash = {
        kind: "ok",
        key: result.unlisted ? "pickup.early.savedUnlisted" : "pickup.early.saved",
        params: { name: child.name },
      };
    },
    (errors) => render(ds, req, res, place, optionalId(body.studentId), 400, errors),
  );
  if (saved) res.redirect(303, place.back);
}

const by = (user: { id: number; role: string }) => ({ staffId: user.id, isAdmin: user.role === "admin" });

// Undo (撤销) an early pick-up recorded by mistake: the page's box must be ticked.
async function undo(ds: DataSource, req: Request, res: Response, place: Place) {
  const body = formBody(req);
  const user = staffUser(req);
  const done = await submit(
    undoForm,
    body,
    async (form) => {
      const child = place.children.find((c) => c.id === form.studentId);
      if (!child) throw new HttpError(404, "pickup.early.notInRoster");
      await undoEarlyPickup(
        ds,
        { studentId: child.id, date: place.date, ...by(user), today: await schoolToday(ds) },
        actorOf(req.session.user),
        schoolNow().toISOString(),
      );
      req.session.flash = { kind: "ok", key: "pickup.early.undo.done", params: { name: child.name } };
    },
    (errors) => render(ds, req, res, place, optionalId(body.studentId), 400, errors),
  );
  if (done) res.redirect(303, place.back);
}

/** A date's early pick-ups of some children, by child (the register and the class's day show them). */
export async function pickupsByChild(
  ds: DataSource,
  date: string,
  studentIds: number[],
): Promise<Map<number, EarlyPickup>> {
  return new Map((await earlyPickupsOn(ds, date, studentIds)).map((p) => [p.studentId, p]));
}

export function earlyPickupRoutes(ds: DataSource): Router {
  const router = Router();
  const register = scope.staff(
    { class_teacher: "own sessions", teacher: "own sessions", external: "own club" },
    "early pick-up from a register: the children of the sessions one leads",
  );
  const classPage = scope.staff(
    { class_teacher: "own classes" },
    "early pick-up from a class's day: one's own classes",
  );

  const fromRegister = async (req: Request): Promise<Place> => {
    const reg = await loadRegister(ds, req.session.user!, idParam(req.params.entryId), dateParam(req.params.date));
    if (reg.window === "future" || reg.window === "closed") throw new WindowClosed(reg.window, reg.editDays);
    const path = `/attendance/sessions/${reg.session.entry.id}/${reg.session.date}`;
    return {
      action: `${path}/pickup`,
      back: path,
      date: reg.session.date,
      entryId: reg.session.entry.id,
      children: reg.roster,
    };
  };
  router.get("/attendance/sessions/:entryId/:date/pickup", register, async (req, res) =>
    render(ds, req, res, await fromRegister(req), optionalId(req.query.student)),
  );
  router.post("/attendance/sessions/:entryId/:date/pickup", register, async (req, res) =>
    save(ds, req, res, await fromRegister(req), req.session.user!.id),
  );
  router.post("/attendance/sessions/:entryId/:date/pickup/undo", register, async (req, res) =>
    undo(ds, req, res, await fromRegister(req)),
  );

  const fromClass = async (req: Request, date: string | null): Promise<Place> => {
    const cls = await managedClass(ds, req, "id");
    const day = date ?? (await schoolToday(ds));
    // Only today: a pick-up is recorded as it happens (a register's own window covers later corrections).
    if (day !== (await schoolToday(ds))) throw new HttpError(403, "attendance.future");
    const model = await classDay(ds, cls, day);
    return {
      action: `/classes/${cls.id}/day/pickup`,
      back: `/classes/${cls.id}/day?date=${day}`,
      date: day,
      entryId: null,
      children: model.children.filter((c) => c.inService),
    };
  };
  router.get("/classes/:id/day/pickup", classPage, async (req, res) =>
    render(ds, req, res, await fromClass(req, dateQuery(req.query.date)), optionalId(req.query.student)),
  );
  router.post("/classes/:id/day/pickup", classPage, async (req, res) =>
    save(ds, req, res, await fromClass(req, null), req.session.user!.id),
  );
  router.post("/classes/:id/day/pickup/undo", classPage, async (req, res) =>
    undo(ds, req, res, await fromClass(req, null)),
  );
  return router;
}
