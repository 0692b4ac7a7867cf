// Admin: pins (pin, move, unpin — each with a reason), the published
// placements and waitlists of a round, withdrawing a child, and the offer
// expiry setting. All changes are POSTs, audited inside their services.
import { Router, type Request, type Response } from "express";
import type { DataSource } from "typeorm";
import { fieldErrors as formErrors, FormError, HttpError, idParam, optionalId, pageOf, scope } from "../http";
import { actorOf } from "../audit";
import type { ChoiceRound } from "../choices";
import { InstanceError } from "./core";
import { adminWithdrawForm, offerHoursForm, pinForm, reasonForm } from "./forms";
import { roundPage } from "./admin-pages";
import { placementsPage } from "./placements-page";
import { findRound } from "./run-service";
import { pinChild, unpin } from "./pin-service";
import { setOfferHours } from "./settings-service";
import { withdrawPlacement } from "./waitlist-service";
import { sweepExpiredOffers } from "./offer-sweep";

export function adminRoundRoutes(ds: DataSource): Router {
  const router = Router();

  const roundWithErrors = async (req: Request, res: Response, round: ChoiceRound, extra: Record<string, unknown>) => {
    const model = await roundPage(ds, round, pageOf(req.query, 20));
    res.status(400).render("allocation/round", {
      title: res.locals.t("assignment.round.title", { name: round.name }),
      ...model,
      form: { mechanism: round.mechanism, seed: "", note: "" },
      pinForm: (req.body ?? {}) as Record<string, unknown>,
      errors: {},
      pinErrors: {},
      engineError: null,
      ...extra,
    });
  };

  router.post("/admin/rounds/:id/pins", scope.admin(), async (req, res) => {
    const round = await findRound(ds, idParam(req.params.id));
    const parsed = pinForm.safeParse(req.body ?? {});
    if (!parsed.success) return roundWithErrors(req, res, round, { pinErrors: formErrors(parsed.error) });
    try {
      await pinChild(ds, round, { ...parsed.data, move: parsed.data.mode === "move" }, actorOf(req.session.user));
    } catch (err) {
      if (err instanceof FormError) return roundWithErrors(req, res, round, { pinErrors: err.errors });
      if (err instanceof InstanceError) return roundWithErrors(req, res, round, { pinEngineError: err.message });
      throw err;
    }
    req.session.flash = {
      kind: "ok",
      key: parsed.data.mode === "move" ? "assignment.pins.moved" : "assignment.pins.pinned",
      params: { number: parsed.data.studentNumber },
    };
    res.redirect(`/admin/rounds/${round.id}/runs#pins`);
  });

  router.post("/admin/rounds/:id/pins/:pinId/delete", scope.admin(), async (req, res) => {
    const round = await findRound(ds, idParam(req.params.id));
    const parsed = reasonForm.safeParse(req.body ?? {});
    if (!parsed.success)
      return roundWithErrors(req, res, round, {
        pinErrors: { [`reason-${String(req.params.pinId)}`]: formErrors(parsed.error).reason },
      });
    if (!(await unpin(ds, round, idParam(req.params.pinId), parsed.data.reason, actorOf(req.session.user))))
      throw new HttpError(404, "errors.notFound");
    req.session.flash = { kind: "ok", key: "assignment.pins.removed" };
    res.redirect(`/admin/rounds/${round.id}/runs#pins`);
  });

  // The offer expiry is school-wide; it is set from a round's page.
  router.post("/admin/rounds/:id/offer-hours", scope.admin(), async (req, res) => {
    const round = await findRound(ds, idParam(req.params.id));
    const parsed = offerHoursForm.safeParse(req.body ?? {});
    if (!parsed.success)
      return roundWithErrors(req, res, round, { hoursErrors: formErrors(parsed.error), hoursForm: req.body });
    await setOfferHours(ds, parsed.data.hours, actorOf(req.session.user));
    req.session.flash = { kind: "ok", key: "assignment.offers.hoursSaved", params: { hours: parsed.data.hours } };
    res.redirect(`/admin/rounds/${round.id}/runs`);
  });

  const renderPlacements = async (
    req: Request,
    res: Response,
    round: ChoiceRound,
    status = 200,
    extra: Record<string, unknown> = {},
  ) => {
    await sweepExpiredOffers(ds);
    const clubId = optionalId(req.query.club);
    const model = await placementsPage(ds, round, clubId, pageOf(req.query, 50));
    res.status(status).render("allocation/placements", {
      title: res.locals.t("assignment.placements.title", { name: round.name }),
      ...model,
      errors: {},
      ...extra,
    });
  };

  router.get("/admin/rounds/:id/placements", scope.admin(), async (req, res) =>
    renderPlacements(req, res, await findRound(ds, idParam(req.params.id))),
  );

  router.post("/admin/rounds/:id/withdraw", scope.admin(), async (req, res) => {
    const round = await findRound(ds, idParam(req.params.id));
    const parsed = adminWithdrawForm.safeParse(req.body ?? {});
    if (!parsed.success) return renderPlacements(req, res, round, 400, { errors: formErrors(parsed.error) });
    const { studentId, clubId, reason } = parsed.data;
    const outcome = await withdrawPlacement(ds, round.id, studentId, clubId, actorOf(req.session.user), reason);
    if (outcome === "not-placed") throw new HttpError(404, "errors.notFound");
    req.session.flash = { kind: "ok", key: "assignment.placements.withdrawn" };
    res.redirect(`/admin/rounds/${round.id}/placements?club=${clubId}`);
  });

  return router;
}
