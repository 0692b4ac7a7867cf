// Families: the published result of each of their own children (/results),
// withdrawing a child from a club (confirmed on its own page first), and
// answering waitlist offers. A family
// never sees or changes another family's child: every lookup is by id AND
// familyId, and a miss is a 404.
import { Router, type Request, type Response } from "express";
import type { DataSource } from "typeorm";
import { familyUser, fieldErrors as formErrors, HttpError, idParam, optionalId, scope } from "../http";
import { actorOf } from "../audit";
import { childResult, latestPublication } from "./family-result";
import { familyWithdrawForm } from "./forms";
import { sweepExpiredOffers } from "./offer-sweep";
import { answerOffer, withdrawPlacement } from "./waitlist-service";
import { seatPlan, waitlistContext } from "./store/waitlist-context";
import { childrenOfFamily, clubById, clubsByIds } from "./store/school";
import { offerWithStudent } from "./store/placements";
import { schoolToday } from "../kernel";
import { dateInTerm, seatsOfChild } from "../membership";
import { meetingText } from "../choices";
import type { Student } from "../db";

export function familyRoutes(ds: DataSource): Router {
  const router = Router();

  const ownChildren = (req: Request) => childrenOfFamily(ds, familyUser(req).id);
  const when = (res: Response) => meetingText(res.locals.t);

  // The seat a child holds today in a club, or null: only a held seat can be given up.
  async function heldSeat(student: Student, clubId: number) {
    const latest = await latestPublication(ds);
    if (!latest) return null;
    const date = dateInTerm(await schoolToday(ds), latest.term.startDate, latest.term.endDate);
    return (await seatsOfChild(ds, student.id, date)).find((s) => s.clubId === clubId) ?? null;
  }

  // The confirm page: what leaving means, one danger button, and a way back.
  async function renderWithdraw(res: Response, student: Student, clubId: number, status = 200, errors = {}) {
    const club = await clubById(ds, clubId);
    if (!club || !(await heldSeat(student, clubId))) throw new HttpError(404, "errors.notFound");
    res.status(status).render("allocation/withdraw", {
      title: res.locals.t("assignment.withdrawPage.title"),
      student,
      club,
      errors,
    });
  }

  router.get("/results", scope.family("a family's own children's results and offers"), async (req, res) => {
    await sweepExpiredOffers(ds);
    const results = await Promise.all((await ownChildren(req)).map((s) => childResult(ds, s)));
    res.render("allocation/results", {
      title: res.locals.t("assignment.results.title"),
      results,
      errors: {},
      when: when(res),
    });
  });

  router.get("/results/:studentId", scope.family("a family's own children's results and offers"), async (req, res) => {
    const student = (await ownChildren(req)).find((s) => s.id === idParam(req.params.studentId));
    if (!student) throw new HttpError(404, "errors.notFound");
    await sweepExpiredOffers(ds);
    res.render("allocation/results", {
      title: res.locals.t("assignment.results.title"),
      results: [await childResult(ds, student)],
      errors: {},
      when: when(res),
    });
  });

  router.get(
    "/results/:studentId/withdraw/:clubId",
    scope.family("a family's own children's results and offers"),
    async (req, res) => {
      const student = (await ownChildren(req)).find((s) => s.id === idParam(req.params.studentId));
      if (!student) throw new HttpError(404, "errors.notFound");
      await renderWithdraw(res, student, idParam(req.params.clubId));
    },
  );

  router.post("/results/withdraw", scope.family("a family's own children's results and offers"), async (req, res) => {
    const parsed = familyWithdrawForm.safeParse(req.body ?? {});
    const children = await ownChildren(req);
    if (!parsed.success) {
      // Known child and club, box not ticked: the confirm page again, saying what is missing.
      const body = (req.body ?? {}) as Record<string, unknown>;
      const asked = children.find((s) => s.id === optionalId(body.studentId));
      const clubId = optionalId(body.clubId);
      if (asked && clubId !== null) return renderWithdraw(res, asked, clubId, 400, formErrors(parsed.error));
      const results = await Promise.all(children.map((s) => childResult(ds, s)));
      return res.status(400).render("allocation/results", {
        title: res.locals.t("assignment.results.title"),
        results,
        errors: formErrors(parsed.error),
        when: when(res),
      });
    }
    const student = children.find((s) => s.id === parsed.data.studentId);
    const latest = await latestPublication(ds);
    if (!student || !latest) throw new HttpError(404, "errors.notFound");
    // The seat may come from an earlier round than the latest one: the ledger knows which.
    const seat = await heldSeat(student, parsed.data.clubId);
    const outcome = await withdrawPlacement(
      ds,
      seat?.roundId ?? latest.round.id,
      student.id,
      parsed.data.clubId,
      actorOf(req.session.user),
      null,
    );
    if (outcome === "not-placed") throw new HttpError(404, "errors.notFound");
    req.session.flash = { kind: "ok", key: "assignment.results.withdrawn", params: { name: student.name } };
    res.redirect("/results");
  });

  // Only the family of the offered child finds the offer at all.
  const ownOffer = async (req: Request) => {
    const offer = await offerWithStudent(ds, idParam(req.params.id));
    if (!offer || offer.student.familyId !== familyUser(req).id) throw new HttpError(404, "errors.notFound");
    return offer;
  };

  router.get("/offers/:id", scope.family("a family's own children's results and offers"), async (req, res) => {
    await sweepExpiredOffers(ds);
    const offer = await ownOffer(req);
    const club = await clubById(ds, offer.clubId);
    // An upgrade offer says which club the child would leave.
    const ctx = offer.status === "open" ? await waitlistContext(ds.manager, offer.roundId) : null;
    const plan = ctx ? await seatPlan(ds.manager, ctx, offer.studentId, offer.clubId) : null;
    const from = plan?.replaces.length ? (await clubsByIds(ds, plan.replaces)).map((c) => c.name) : [];
    res.render("allocation/offer", {
      title: res.locals.t("assignment.offers.title"),
      offer,
      club,
      from,
      fits: plan?.fits ?? false,
    });
  });

  for (const answer of ["accept", "decline"] as const) {
    router.post(
      `/offers/:id/${answer}`,
      scope.family("a family's own children's results and offers"),
      async (req, res) => {
        const offer = await ownOffer(req);
        const outcome = await answerOffer(ds, offer, answer === "accept", actorOf(req.session.user));
        const done = outcome === "accepted" || outcome === "declined";
        req.session.flash = { kind: done ? "ok" : "error", key: `assignment.offers.outcome.${outcome}` };
        res.redirect(done ? "/results" : `/offers/${offer.id}`);
      },
    );
  }

  return router;
}
