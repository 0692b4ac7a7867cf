// Admin: the rounds index, a round's runs, a run's page, downloads, verify,
// compare and publish. Each route validates, calls one service, renders.
import { Router, type Request, type Response } from "express";
import type { DataSource } from "typeorm";
import { asDownload, fieldErrors as formErrors, HttpError, idParam, pageOf, scope } from "../http";
import { actorOf } from "../audit";
import type { ChoiceRound } from "../choices";
import { InstanceError } from "./core";
import type { AllocationRun } from "./entities";
import { compareQuery, publishForm, runForm } from "./forms";
import { comparePage, roundPage, roundsPage, runFileNames, runNumberOf, runPage } from "./admin-pages";
import { compareChildren, runChildrenPage } from "./run-children-page";
import { createRun, findRound, findRun, NothingToAllocate, randomSeed, verifyRun } from "./run-service";
import {
  ChangesToConfirm,
  PublishBlocked,
  publicationOf,
  publishRun,
  RoundLocked,
  RoundStillOpen,
} from "./publish-service";

export function adminRunRoutes(ds: DataSource): Router {
  const router = Router();

  // Every choice round, newest first, with its runs and what is published.
  router.get("/admin/runs", scope.admin(), async (req, res) => {
    res.render("allocation/rounds", {
      title: res.locals.t("assignment.rounds.title"),
      ...(await roundsPage(ds, pageOf(req.query))),
    });
  });

  const renderRound = async (
    req: Request,
    res: Response,
    round: ChoiceRound,
    status = 200,
    extra: Record<string, unknown> = {},
  ) => {
    const model = await roundPage(ds, round, pageOf(req.query, 20));
    res.status(status).render("allocation/round", {
      title: res.locals.t("assignment.round.title", { name: round.name }),
      ...model,
      form: { mechanism: round.mechanism, seed: "", note: "" },
      pinForm: {},
      errors: {},
      pinErrors: {},
      engineError: null,
      ...extra,
    });
  };

  router.get("/admin/rounds/:id/runs", scope.admin(), async (req, res) => {
    await renderRound(
      req,
      res,
      await findRound(ds, idParam(req.params.id)),
      200,
      typeof req.query.pin === "string" ? { pinForm: { studentNumber: req.query.pin.slice(0, 32) } } : {},
    );
  });

  router.post("/admin/rounds/:id/runs", scope.admin(), async (req, res) => {
    const round = await findRound(ds, idParam(req.params.id));
    const parsed = runForm.safeParse(req.body ?? {});
    if (!parsed.success)
      return renderRound(req, res, round, 400, { form: req.body ?? {}, errors: formErrors(parsed.error) });
    try {
      const run = await createRun(
        ds,
        round.id,
        { ...parsed.data, seed: parsed.data.seed ?? randomSeed() },
        actorOf(req.session.user),
      );
      req.session.flash = {
        kind: "ok",
        key: "assignment.run.created",
        params: { n: await runNumberOf(ds, run), seed: run.seed },
      };
      res.redirect(`/admin/runs/${run.id}`);
    } catch (err) {
      if (err instanceof InstanceError)
        return renderRound(req, res, round, 400, { form: req.body, engineError: err.message });
      if (err instanceof NothingToAllocate)
        return renderRound(req, res, round, 400, {
          form: req.body,
          errors: { _form: { key: "assignment.errors.noPreferences" } },
        });
      throw err;
    }
  });

  // Registered before /admin/runs/:id so "compare" is never read as an id.
  router.get("/admin/runs/compare", scope.admin(), async (req, res) => {
    const parsed = compareQuery.safeParse(req.query);
    if (!parsed.success) throw new HttpError(400, "assignment.errors.compare");
    const [a, b] = await Promise.all([findRun(ds, parsed.data.a), findRun(ds, parsed.data.b)]);
    res.render("allocation/compare", {
      title: res.locals.t("assignment.compare.title"),
      ...(await comparePage(ds, res.locals.t, a, b)),
      ...(await compareChildren(ds, a, b, req.query, pageOf(req.query, 50))),
    });
  });

  const renderRun = async (
    req: Request,
    res: Response,
    run: AllocationRun,
    status = 200,
    extra: Record<string, unknown> = {},
  ) => {
    const model = await runPage(ds, res.locals.t, run, pageOf(req.query, 25));
    res.status(status).render("allocation/run", {
      title: res.locals.t("assignment.run.title", { n: model.runNumber }),
      ...model,
      errors: {},
      verification: null,
      ...extra,
    });
  };

  router.get("/admin/runs/:id", scope.admin(), async (req, res) =>
    renderRun(req, res, await findRun(ds, idParam(req.params.id))),
  );

  // Who gets what, child by child, before families see it: filterable by club, class and outcome.
  router.get("/admin/runs/:id/children", scope.admin(), async (req, res) => {
    const model = await runChildrenPage(
      ds,
      await findRun(ds, idParam(req.params.id)),
      req.query,
      pageOf(req.query, 50),
    );
    res.render("allocation/run-children", {
      title: res.locals.t("assignment.children.title", { n: model.runNumber }),
      ...model,
    });
  });

  // The exact stored bytes, for download and for `kehou allocate` to re-run.
  for (const part of ["instance", "result"] as const) {
    router.get(`/admin/runs/:id/${part}.json`, scope.admin(), async (req, res) => {
      const run = await findRun(ds, idParam(req.params.id));
      const names = await runFileNames(ds, run, (await findRound(ds, run.roundId)).termId);
      asDownload(res, names[part]).type("application/json").send(Buffer.from(run[part], "utf8"));
    });
  }

  // Re-runs the stored instance with the stored mechanism and seed; changes nothing.
  router.get("/admin/runs/:id/verify", scope.admin(), async (req, res) => {
    const run = await findRun(ds, idParam(req.params.id));
    await renderRun(req, res, run, 200, { verification: await verifyRun(run) });
  });

  router.post("/admin/runs/:id/publish", scope.admin(), async (req, res) => {
    const run = await findRun(ds, idParam(req.params.id));
    const parsed = publishForm.safeParse(req.body ?? {});
    if (!parsed.success) return renderRun(req, res, run, 400, { errors: formErrors(parsed.error) });
    // Publishing the published run again would wipe its waitlist changes for nothing.
    if ((await publicationOf(ds, run.roundId))?.runId === run.id) {
      req.session.flash = { kind: "error", key: "assignment.publish.already" };
      return res.redirect(`/admin/runs/${run.id}`);
    }
    const reason = parsed.data.overrideReason;
    if (reason !== null && reason.length < 5)
      return renderRun(req, res, run, 400, { errors: { overrideReason: { key: "validation.reasonRequired" } } });
    try {
      await publishRun(
        ds,
        run,
        { overrideReason: reason, closeNow: parsed.data.closeNow, confirmChanges: parsed.data.confirmChanges },
        actorOf(req.session.user),
      );
    } catch (err) {
      if (err instanceof PublishBlocked)
        return renderRun(req, res, run, 400, {
          errors: { overrideReason: { key: "assignment.publish.reasonNeeded" } },
        });
      if (err instanceof RoundStillOpen)
        return renderRun(req, res, run, 409, { errors: { closeNow: { key: "assignment.publish.stillOpen" } } });
      if (err instanceof RoundLocked)
        return renderRun(req, res, run, 409, {
          errors: { _form: { key: "assignment.publish.locked", params: { name: err.laterRound } } },
        });
      // The admin sees every child whose place changes, then confirms with the same form.
      if (err instanceof ChangesToConfirm) {
        return res.render("allocation/publish-changes", {
          title: res.locals.t("assignment.publish.changesTitle", { n: await runNumberOf(ds, run) }),
          run,
          changes: err.changes,
          overrideReason: reason ?? "",
          closeNow: parsed.data.closeNow,
        });
      }
      throw err;
    }
    req.session.flash = { kind: "ok", key: "assignment.publish.done", params: { n: await runNumberOf(ds, run) } };
    res.redirect(`/admin/runs/${run.id}`);
  });

  return router;
}
