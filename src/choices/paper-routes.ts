// Staff enter a family's paper reply (回执) for families without a phone:
// the same form and rules as online, saved as source "staff" with the staff
// member's id, audit-logged. Admins for any child, class teachers for their class.
import { Router, Request, Response } from "express";
import type { DataSource } from "typeorm";
import { HttpError, idParam, scope, staffUser } from "../http";
import { actorOf } from "../audit";
import type { ChoiceRound } from "./entities";
import { meetingText } from "./core";
import { parsePreferenceForm } from "./preference-form";
import { PageExtras, saveOrRefusal } from "./save-outcome";
import { rankingPage } from "./ranking-page";
import { Child, findChild } from "./store/round-lookup";
import { roundById } from "./store/rounds";
import { studentByNumber } from "./store/people";
import { schoolZone } from "../kernel";
import { classScope, inScope } from "./staff-scope";
import { renderRemind } from "./remind-page";

const requireRoundStaff = scope.staff(
  { class_teacher: "own classes" },
  "paper choice slips: a class teacher types in their class's",
);

export function paperReplyRoutes(ds: DataSource): Router {
  const router = Router();

  async function target(req: Request): Promise<{ round: ChoiceRound; child: Child }> {
    const round = await roundById(ds, idParam(req.params.id));
    const child = await findChild(ds.manager, idParam(req.params.studentId));
    if (!round || !child || !round.grades.includes(child.grade)) throw new HttpError(404, "errors.notFound");
    if (!inScope(await classScope(ds.manager, req), child.classId)) throw new HttpError(403, "errors.forbidden");
    return { round, child };
  }

  async function render(res: Response, round: ChoiceRound, child: Child, status = 200, extras: PageExtras = {}) {
    const page = await rankingPage(ds.manager, round, child, await schoolZone(ds.manager), extras.posted);
    res.status(status).render("choices/admin/paper", {
      title: res.locals.t("choices.paper.title", { name: child.name }),
      page,
      child,
      when: meetingText(res.locals.t),
      errors: extras.errors ?? {},
      conflict: extras.conflict ?? false,
      closedNotice: extras.closedNotice ?? null,
    });
  }

  // Find a child by student number (a paper slip carries it) and open its form; a
  // missing or unknown number is said next to the field, on the page it was typed on.
  router.get("/admin/rounds/:id/paper", requireRoundStaff, async (req, res) => {
    const round = await roundById(ds, idParam(req.params.id));
    if (!round) throw new HttpError(404, "errors.notFound");
    const number = typeof req.query.studentNumber === "string" ? req.query.studentNumber.trim().slice(0, 32) : "";
    if (!number)
      return renderRemind(ds, req, res, round, 400, {
        studentNumber: "",
        errors: { studentNumber: { key: "choices.paper.numberRequired" } },
      });
    const student = await studentByNumber(ds, number);
    if (!student)
      return renderRemind(ds, req, res, round, 404, {
        studentNumber: number,
        errors: { studentNumber: { key: "choices.paper.notFound", params: { number } } },
      });
    res.redirect(`/admin/rounds/${round.id}/paper/${student.id}`);
  });

  router.get("/admin/rounds/:id/paper/:studentId", requireRoundStaff, async (req, res) => {
    const { round, child } = await target(req);
    await render(res, round, child);
  });

  router.post("/admin/rounds/:id/paper/:studentId", requireRoundStaff, async (req, res) => {
    const { round, child } = await target(req);
    const form = parsePreferenceForm(req.body, round.maxChoices);
    if (!form.ok) return render(res, round, child, 400, { errors: form.errors, posted: form.posted });
    const refusal = await saveOrRefusal(
      ds,
      round,
      child.id,
      form.data,
      form.posted,
      { kind: "staff", staffId: staffUser(req).id },
      actorOf(req.session.user),
      res.locals.t,
    );
    if (refusal) return render(res, round, child, refusal.status, refusal.extras);
    req.session.flash = { kind: "ok", key: "choices.paper.saved", params: { name: child.name } };
    res.redirect(`/admin/rounds/${round.id}/paper/${child.id}`);
  });

  return router;
}
