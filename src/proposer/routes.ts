// Admin: timetable proposals (issue 23). The list and its form, one run's
// page, its progress as JSON for the bar's script, stop, and accept. Each
// route validates, calls one service function, renders.
import { Router, type Request, type Response } from "express";
import type { DataSource } from "typeorm";
import { z } from "zod";
import { actorOf } from "../audit";
import { fieldErrors, FormError, formBody, HttpError, idParam, pageOf, scope, type FieldErrors } from "../http";
import { ClashRefused } from "../timetable";
import { findRun, runProgress } from "./run-store";
import {
  AlreadyAccepted,
  acceptRun,
  currentPlanning,
  DraftChanged,
  NotFinished,
  startRun,
  stopRun,
} from "./run-service";
import { defaultForm, LIMITS, listPage, runPage, summaryOf } from "./pages";

const list = (v: unknown): unknown[] => (v === undefined ? [] : Array.isArray(v) ? (v as unknown[]) : [v]);
const text = (v: unknown): string => (typeof v === "string" ? v : "");
const whole = (field: "budget" | "timeLimit", [min, max]: readonly [number, number]) =>
  z
    .string({ message: "validation.required" })
    .trim()
    .regex(/^\d{1,6}$/, `proposer.errors.${field}`)
    .transform(Number)
    .refine((n) => n >= min && n <= max, `proposer.errors.${field}`);

const runForm = z.object({
  clubIds: z
    .preprocess(
      list,
      z.array(
        z
          .string()
          .regex(/^\d{1,9}$/, "proposer.errors.clubUnknown")
          .transform(Number),
      ),
    )
    .refine((ids) => ids.length > 0, "proposer.errors.noClubs"),
  slots: z
    .preprocess(list, z.array(z.string().regex(/^[1-7]-\d{1,9}$/, "proposer.errors.slotUnknown")))
    .refine((s) => s.length > 0, "proposer.errors.noSlots"),
  budget: whole("budget", LIMITS.budget),
  timeLimit: whole("timeLimit", LIMITS.timeLimit),
  seed: z
    .string()
    .trim()
    .regex(/^\d{1,9}$/, "proposer.errors.seed")
    .transform(Number)
    .optional()
    .transform((n) => n ?? 1),
});

const acceptForm = z.object({ confirm: z.literal("yes", { message: "proposer.errors.confirm" }) });

export function proposerRoutes(ds: DataSource): Router {
  const router = Router();

  const renderList = async (req: Request, res: Response, status = 200, extra: Record<string, unknown> = {}) => {
    const week = await currentPlanning(ds);
    res.status(status).render("proposer/index", {
      title: res.locals.t("proposer.list.title"),
      ...(await listPage(ds, week, pageOf(req.query, 20))),
      form: defaultForm(week),
      errors: {},
      ...extra,
    });
  };

  router.get("/admin/proposals", scope.admin(), async (req, res) => {
    await renderList(req, res);
  });

  router.post("/admin/proposals", scope.admin(), async (req, res) => {
    const body = formBody(req);
    const again = (errors: FieldErrors) =>
      renderList(req, res, 400, {
        errors,
        form: {
          clubIds: list(body.clubIds).map(Number),
          slots: list(body.slots).map(text),
          budget: text(body.budget),
          timeLimit: text(body.timeLimit),
          seed: text(body.seed),
        },
      });
    const parsed = runForm.safeParse(body);
    if (!parsed.success) return again(fieldErrors(parsed.error));
    try {
      const run = await startRun(ds, parsed.data, actorOf(req.session.user));
      res.redirect(303, `/admin/proposals/${run.id}`);
    } catch (err) {
      if (err instanceof FormError) return again(err.errors);
      throw err;
    }
  });

  const renderRun = async (
    req: Request,
    res: Response,
    id: number,
    status = 200,
    extra: Record<string, unknown> = {},
  ) => {
    const run = await findRun(ds, id);
    if (!run) throw new HttpError(404, "errors.notFound");
    const week = await currentPlanning(ds);
    res.status(status).render("proposer/run", {
      title: res.locals.t("proposer.run.title", { n: run.id }),
      ...(await runPage(ds, week, run)),
      errors: {},
      refused: null,
      ...extra,
    });
  };

  router.get("/admin/proposals/:id", scope.admin(), async (req, res) => {
    await renderRun(req, res, idParam(req.params.id));
  });

  // The progress bar's script polls this; any instance answers from the database.
  router.get("/admin/proposals/:id/progress", scope.admin(), async (req, res) => {
    const run = await runProgress(ds, idParam(req.params.id));
    if (!run) throw new HttpError(404, "errors.notFound");
    res.set("Cache-Control", "no-store").json(summaryOf(run));
  });

  router.post("/admin/proposals/:id/stop", scope.admin(), async (req, res) => {
    const id = idParam(req.params.id);
    await stopRun(ds, id, actorOf(req.session.user));
    res.redirect(303, `/admin/proposals/${id}`);
  });

  router.post("/admin/proposals/:id/accept", scope.admin(), async (req, res) => {
    const id = idParam(req.params.id);
    const parsed = acceptForm.safeParse(formBody(req));
    if (!parsed.success) return renderRun(req, res, id, 400, { errors: fieldErrors(parsed.error) });
    try {
      const written = await acceptRun(ds, id, actorOf(req.session.user));
      req.session.flash = { kind: "ok", key: "proposer.accepted", params: { n: written.changed + written.added } };
      res.redirect(303, `/admin/proposals/${id}`);
    } catch (err) {
      const key =
        err instanceof DraftChanged
          ? "proposer.refused.draftChanged"
          : err instanceof AlreadyAccepted
            ? "proposer.refused.accepted"
            : err instanceof NotFinished
              ? "proposer.refused.notFinished"
              : err instanceof ClashRefused
                ? "proposer.refused.clash"
                : null;
      if (!key) throw err;
      const clashes = err instanceof ClashRefused ? err.clashes : [];
      return renderRun(req, res, id, 409, { refused: { key, clashes } });
    }
  });

  return router;
}
