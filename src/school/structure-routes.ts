// Admin: the daily periods of the service and the PE / 大课间 grid of a term.
import { Router, Request, Response } from "express";
import type { DataSource } from "typeorm";
import type { Period, Term } from "../db";
import { scope, HttpError, FieldErrors, FormError, idParam, submit, formBody } from "../http";
import { actorOf } from "../audit";
import { periodForm, parseSportGrid } from "./structure-forms";
import { deletePeriod, periodById, periodsOf, savePeriod, saveSport, sportOf } from "./structure-service";
import { findTerm, termFromQuery } from "./term-service";

export function structureRoutes(ds: DataSource): Router {
  const router = Router();

  const page = async (
    res: Response,
    status: number,
    term: Term,
    editing: Period | null,
    form: object,
    errors: FieldErrors,
  ) => {
    const periods = await periodsOf(ds, term.id);
    res.status(status).render("school/structure/periods", {
      title: res.locals.t("school.period.title"),
      term,
      periods,
      editing,
      form,
      errors,
    });
  };
  const withTerm = async (query: unknown, res: Response): Promise<Term | null> => {
    const term = await termFromQuery(ds, query);
    if (!term) res.redirect("/admin/terms/new");
    return term;
  };

  router.get("/admin/periods", scope.admin(), async (req, res) => {
    const term = await withTerm(req.query, res);
    if (term) await page(res, 200, term, null, { grades: [1, 2, 3, 4, 5, 6] }, {});
  });

  router.get("/admin/periods/:id/edit", scope.admin(), async (req, res) => {
    const period = await periodById(ds, idParam(req.params.id));
    if (!period) throw new HttpError(404, "errors.notFound");
    await page(res, 200, await findTerm(ds, period.termId), period, period, {});
  });

  // One handler for new (no id) and edit: both re-render the same page on error.
  const save = (withId: boolean) => async (req: Request, res: Response) => {
    const period = withId ? await periodById(ds, idParam(req.params.id)) : null;
    if (withId && !period) throw new HttpError(404, "errors.notFound");
    const term = await findTerm(ds, period ? period.termId : idParam(req.params.termId));
    const ok = await submit(
      periodForm,
      req.body,
      (data) => savePeriod(ds, term, period?.id ?? null, data, actorOf(req.session.user)),
      (errors) => page(res, 400, term, period, formBody(req), errors),
    );
    if (!ok) return;
    req.session.flash = { kind: "ok", key: "school.saved" };
    res.redirect(`/admin/periods?term=${term.id}`);
  };
  router.post("/admin/periods/term/:termId", scope.admin(), save(false));
  router.post("/admin/periods/:id", scope.admin(), save(true));

  router.post("/admin/periods/:id/delete", scope.admin(), async (req, res) => {
    const period = await periodById(ds, idParam(req.params.id));
    if (!period) throw new HttpError(404, "errors.notFound");
    const term = await findTerm(ds, period.termId);
    try {
      await deletePeriod(ds, period, actorOf(req.session.user));
    } catch (err) {
      if (err instanceof FormError) return page(res, 409, term, null, { grades: [1, 2, 3, 4, 5, 6] }, err.errors);
      throw err;
    }
    req.session.flash = { kind: "ok", key: "school.period.deleted", params: { name: period.name } };
    res.redirect(`/admin/periods?term=${term.id}`);
  });

  const sportPage = async (
    res: Response,
    status: number,
    term: Term,
    values: Record<string, unknown> | null,
    errors: FieldErrors,
  ) => {
    const grid = Object.fromEntries(
      (await sportOf(ds, term.id)).flatMap((s) => [
        [`pe_${s.grade}_${s.weekday}`, s.peMinutes],
        [`br_${s.grade}_${s.weekday}`, s.breakMinutes],
      ]),
    );
    res.status(status).render("school/structure/sport", {
      title: res.locals.t("school.sport.title"),
      term,
      form: values ?? grid,
      errors,
    });
  };

  router.get("/admin/sport", scope.admin(), async (req, res) => {
    const term = await withTerm(req.query, res);
    if (term) await sportPage(res, 200, term, null, {});
  });

  router.post("/admin/sport/:termId", scope.admin(), async (req, res) => {
    const term = await findTerm(ds, idParam(req.params.termId));
    const { cells, errors } = parseSportGrid(formBody(req));
    if (Object.keys(errors).length) return sportPage(res, 400, term, formBody(req), errors);
    await saveSport(ds, term, cells, actorOf(req.session.user));
    req.session.flash = { kind: "ok", key: "school.saved" };
    res.redirect(`/admin/sport?term=${term.id}`);
  });

  return router;
}
