// Admin: start a new term from a previous one. Form → preview (what will be
// copied, which classes move up or leave) → POST, which does exactly that.
import { Router, Request, Response } from "express";
import type { DataSource } from "typeorm";
import { Term } from "../db";
import { scope, FieldErrors, FormError, fieldErrors, idParam, formBody } from "../http";
import { actorOf } from "../audit";
import { addDays } from "../kernel/core";
import { nextTermForm } from "./term-forms";
import { findTerm } from "./term-service";
import { checkDates, previewNextTerm, startNextTerm } from "./next-term-service";

export function nextTermRoutes(ds: DataSource): Router {
  const router = Router();
  const formPage = (res: Response, status: number, from: Term, form: object, errors: FieldErrors) =>
    res.status(status).render("school/terms/next", { title: res.locals.t("school.next.title"), from, form, errors });

  router.get("/admin/terms/:id/next", scope.admin(), async (req, res) => {
    const from = await findTerm(ds, idParam(req.params.id));
    // A spring term follows an autumn one; after a spring term comes a new school year.
    const springAfter = Number(from.startDate.slice(5, 7)) >= 8;
    formPage(res, 200, from, { startDate: addDays(from.endDate, 1), newSchoolYear: !springAfter, current: true }, {});
  });

  // The preview's hex fingerprint as the form sent it; anything else matches no preview.
  const fingerprintOf = (value: unknown): string => (typeof value === "string" ? value : "");

  // Both steps validate the same way; the preview renders, the commit acts.
  const handle = (commit: boolean) => async (req: Request, res: Response) => {
    const from = await findTerm(ds, idParam(req.params.id));
    const parsed = nextTermForm.safeParse(formBody(req));
    if (!parsed.success) return formPage(res, 400, from, formBody(req), fieldErrors(parsed.error));
    const input = parsed.data;
    try {
      checkDates(from, input);
      if (commit) {
        const term = await startNextTerm(
          ds,
          from,
          input,
          fingerprintOf(formBody(req).fingerprint),
          actorOf(req.session.user),
        );
        if (term) {
          req.session.flash = { kind: "ok", key: "school.next.done", params: { name: term.name } };
          return res.redirect(`/admin/calendar?term=${term.id}`);
        }
      }
    } catch (err) {
      if (err instanceof FormError) return formPage(res, 400, from, formBody(req), err.errors);
      throw err;
    }
    // A commit whose data changed since its preview gets the new preview instead.
    const preview = await previewNextTerm(ds, from, input);
    res.status(commit ? 409 : 200).render("school/terms/next-preview", {
      title: res.locals.t("school.next.previewTitle"),
      from,
      input,
      preview,
      changed: commit,
    });
  };
  router.post("/admin/terms/:id/next/preview", scope.admin(), handle(false));
  router.post("/admin/terms/:id/next", scope.admin(), handle(true));
  return router;
}
