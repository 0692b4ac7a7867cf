// Admin: choice rounds — list, open (create), edit, close early, progress by
// class, and the printable "remind the rest" list (class teachers see their own classes).
import { Router, Request, Response } from "express";
import type { DataSource } from "typeorm";
import { fieldErrors, FormError, HttpError, idParam, pageCount, pageOf, scope, type FieldErrors } from "../http";
import { actorOf } from "../audit";
import { nowIso } from "../db";
import type { ChoiceRound } from "./entities";
import { roundState } from "./core";
import { roundForm } from "./round-form";
import { closeRound, createRound, updateRound } from "./round-service";
import { roundProgress } from "./store/round-progress";
import { currentTerm } from "./store/round-lookup";
import { clubChoicesOfTerm, roundById, roundsPage } from "./store/rounds";
import { formatLocal, schoolZone, toLocalInput } from "../kernel";
import { renderRemind } from "./remind-page";

/** A round's seats as the allocation counts them (issue 18), for the round's page; the app hands it in (src/routes.ts). */
export type RoundSeatsOf = (ds: DataSource, round: ChoiceRound) => Promise<unknown>;

const requireRoundStaff = scope.staff(
  { class_teacher: "own classes" },
  "choice rounds: a class teacher follows up their class's missing replies",
);

export function roundAdminRoutes(ds: DataSource, seatsOf: RoundSeatsOf): Router {
  const router = Router();

  async function roundOr404(id: string): Promise<ChoiceRound> {
    const round = await roundById(ds, idParam(id));
    if (!round) throw new HttpError(404, "errors.notFound");
    return round;
  }

  // Form values as the inputs show them (school-local times).
  async function formValues(round: ChoiceRound | null, t: (key: string) => string): Promise<Record<string, unknown>> {
    const zone = await schoolZone(ds.manager);
    if (round)
      return {
        ...round,
        opensAt: toLocalInput(round.opensAt, zone),
        closesAt: toLocalInput(round.closesAt, zone),
        showFirstChoiceCounts: round.showFirstChoiceCounts ? "1" : "",
        clubIds: round.clubIds ?? [],
      };
    const term = await currentTerm(ds.manager);
    const inAWeek = new Date(Date.now() + 7 * 86_400_000).toISOString();
    return {
      name: term ? `${term.name} · ${t("choices.admin.defaultName")}` : t("choices.admin.defaultName"),
      opensAt: toLocalInput(nowIso(), zone).slice(0, 14) + "00",
      closesAt: toLocalInput(inAWeek, zone).slice(0, 11) + "18:00",
      grades: [1, 2, 3, 4, 5, 6],
      minChoices: 3,
      maxChoices: 5,
      maxClubsPerChild: 1,
      mechanism: "optimal",
      showFirstChoiceCounts: "",
    };
  }

  async function renderForm(
    res: Response,
    round: ChoiceRound | null,
    form: Record<string, unknown>,
    errors: FieldErrors,
    status = 200,
  ) {
    // The clubs a top-up may name: the term's clubs that are not cancelled.
    const term = round ? { id: round.termId } : await currentTerm(ds.manager);
    const clubs = term ? await clubChoicesOfTerm(ds, term.id) : [];
    res.status(status).render("choices/admin/form", {
      title: res.locals.t(round ? "choices.admin.edit" : "choices.admin.new"),
      round,
      form,
      errors,
      clubs,
    });
  }

  async function submit(req: Request, res: Response, round: ChoiceRound | null) {
    const body = (req.body ?? {}) as Record<string, unknown>;
    const parsed = roundForm(await schoolZone(ds.manager)).safeParse(body);
    if (!parsed.success) return renderForm(res, round, body, fieldErrors(parsed.error), 400);
    try {
      const saved = round
        ? await updateRound(ds, round.id, parsed.data, actorOf(req.session.user))
        : await createRound(ds, parsed.data, actorOf(req.session.user));
      if (!saved) throw new HttpError(404, "errors.notFound");
      req.session.flash = {
        kind: "ok",
        key: round ? "choices.admin.updated" : "choices.admin.created",
        params: { name: saved.name },
      };
      res.redirect(`/admin/rounds/${saved.id}`);
    } catch (err) {
      if (err instanceof FormError) return renderForm(res, round, body, err.errors, 400);
      throw err;
    }
  }

  router.get("/admin/rounds", requireRoundStaff, async (req, res) => {
    const page = pageOf(req.query, 20);
    const [rounds, total] = await roundsPage(ds, page.skip, page.size);
    const zone = await schoolZone(ds.manager);
    const now = nowIso();
    const rows = rounds.map((r) => ({
      ...r,
      state: roundState(r, now),
      opensLocal: formatLocal(r.opensAt, zone),
      closesLocal: formatLocal(r.closesAt, zone),
    }));
    res.render("choices/admin/list", {
      title: res.locals.t("choices.admin.title"),
      rounds: rows,
      page: page.page,
      pages: pageCount(total, page.size),
      total,
    });
  });

  router.get("/admin/rounds/new", scope.admin(), async (_req, res) =>
    renderForm(res, null, await formValues(null, res.locals.t), {}),
  );
  router.post("/admin/rounds", scope.admin(), (req, res) => submit(req, res, null));

  router.get("/admin/rounds/:id", scope.admin(), async (req, res) => {
    const round = await roundOr404(req.params.id as string);
    const zone = await schoolZone(ds.manager);
    const progress = await roundProgress(ds.manager, round);
    // Issue 18: main round or top-up, and the clubs and seats it covers (before it opens too).
    const seats = await seatsOf(ds, round);
    res.render("choices/admin/show", {
      title: round.name,
      round,
      progress,
      state: roundState(round, nowIso()),
      seats,
      opensLocal: formatLocal(round.opensAt, zone),
      closesLocal: formatLocal(round.closesAt, zone),
    });
  });

  router.get("/admin/rounds/:id/edit", scope.admin(), async (req, res) => {
    const round = await roundOr404(req.params.id as string);
    await renderForm(res, round, await formValues(round, res.locals.t), {});
  });
  router.post("/admin/rounds/:id", scope.admin(), async (req, res) =>
    submit(req, res, await roundOr404(req.params.id as string)),
  );

  // Closing early cannot be undone by families, so it asks first (a page, not only a JS confirm).
  router.get("/admin/rounds/:id/close", scope.admin(), async (req, res) => {
    const round = await roundOr404(req.params.id as string);
    const progress = await roundProgress(ds.manager, round);
    res.render("choices/admin/close", { title: res.locals.t("choices.admin.closeTitle"), round, progress, errors: {} });
  });
  router.post("/admin/rounds/:id/close", scope.admin(), async (req, res) => {
    const round = await roundOr404(req.params.id as string);
    if ((req.body as Record<string, unknown> | undefined)?.confirm !== "1") {
      const progress = await roundProgress(ds.manager, round);
      return res.status(400).render("choices/admin/close", {
        title: res.locals.t("choices.admin.closeTitle"),
        round,
        progress,
        errors: { confirm: { key: "choices.validation.confirmClose" } },
      });
    }
    await closeRound(ds, round.id, actorOf(req.session.user));
    req.session.flash = { kind: "ok", key: "choices.admin.closed", params: { name: round.name } };
    res.redirect(`/admin/rounds/${round.id}`);
  });

  router.get("/admin/rounds/:id/remind", requireRoundStaff, async (req, res) =>
    renderRemind(ds, req, res, await roundOr404(req.params.id as string)),
  );

  return router;
}
