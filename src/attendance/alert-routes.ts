// Absence alerts: the list and the acknowledge button. Staff (class teachers,
// admins) read theirs under /attendance/alerts; families under /family/alerts,
// outside the staff-only /attendance area. Each person sees only their own copies.
import { Router, Request, Response, RequestHandler } from "express";
import type { DataSource } from "typeorm";
import { z } from "zod";
import { formBody, HttpError, idParam, pageCount, pageOf, plainText, scope, submit, type FieldErrors } from "../http";
import { actorOf } from "../audit";
import { acknowledgeAlert, alertsFor } from "./alerts";
import { answerAlert, assertOwnAlert } from "./alert-answers";
import { ALERT_ANSWERS } from "./entities";
import { schoolNow } from "../kernel";

/** Where a user's alerts live: the family's list is outside the staff area. */
export const alertsHome = (kind: "staff" | "family"): string =>
  kind === "family" ? "/family/alerts" : "/attendance/alerts";

// Only same-site paths: the ack form may send the user back to the page it came from.
const backTo = (value: unknown, fallback: string): string =>
  typeof value === "string" && /^\/(?![/\\])/.test(value) ? value : fallback;

const answerForm = z.object({
  answer: z.enum(ALERT_ANSWERS, { message: "absence.alert.answerRequired" }),
  note: plainText(100).optional(),
});

export function alertRoutes(ds: DataSource): Router {
  const router = Router();

  const list = async (req: Request, res: Response, status = 200, errors: FieldErrors = {}) => {
    const page = pageOf(req.query, 20);
    const [alerts, total] = await alertsFor(ds, req.session.user!, page.skip, page.size);
    res.status(status).render("attendance/alerts", {
      errors,
      title: res.locals.t("attendance.alerts.title"),
      alerts,
      total,
      page: page.page,
      pages: pageCount(total, page.size),
      base: alertsHome(req.session.user!.kind),
    });
  };
  const ack = async (req: Request, res: Response) => {
    const ok = await acknowledgeAlert(
      ds,
      req.session.user!,
      idParam(req.params.id),
      actorOf(req.session.user),
      schoolNow().toISOString(),
    );
    if (!ok) throw new HttpError(404, "errors.notFound");
    req.session.flash = { kind: "ok", key: "attendance.alerts.acknowledged" };
    const back = (req.body as Record<string, unknown> | undefined)?.back;
    res.redirect(303, backTo(back, alertsHome(req.session.user!.kind)));
  };

  for (const [base, guard] of [
    [
      "/attendance/alerts",
      scope.staff(
        { class_teacher: "own account", teacher: "own account", external: "own account" },
        "absence alerts: one's own copies",
      ),
    ],
    ["/family/alerts", scope.family("absence alerts about the family's own children")],
  ] as [string, RequestHandler][]) {
    router.get(base, guard, (req, res) => list(req, res));
    router.post(`${base}/:id/ack`, guard, ack);
  }

  router.post(
    "/family/alerts/:id/answer",
    scope.family("answering an absence alert about the family's own child"),
    async (req, res) => {
      const id = idParam(req.params.id);
      await assertOwnAlert(ds, req.session.user!, id);
      const saved = await submit(
        answerForm,
        formBody(req),
        (form) =>
          answerAlert(
            ds,
            req.session.user!,
            id,
            { answer: form.answer, note: form.note ? form.note : null },
            actorOf(req.session.user),
            schoolNow().toISOString(),
          ),
        (errors) => list(req, res, 400, errors),
      );
      if (!saved) return;
      req.session.flash = { kind: "ok", key: "absence.alert.answered" };
      res.redirect(303, "/family/alerts");
    },
  );
  return router;
}
