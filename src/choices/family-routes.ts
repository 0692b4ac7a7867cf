// Families (phone first): /choices/:studentId shows the open round for one of
// their children; POST /choices saves the ranked list and weekday opt-in;
// /choices/:studentId/receipt shows what was saved, when and by whom, and leads
// on: to the next child still to answer, or (the round closed) to the results.
import { Router, Request, Response } from "express";
import type { DataSource } from "typeorm";
import { familyUser, HttpError, idParam, optionalId, scope } from "../http";
import { actorOf } from "../audit";
import { nowIso } from "../db";
import type { ChoiceRound } from "./entities";
import { meetingText } from "./core";
import { loadClubOffer } from "./store/club-offer";
import { parsePreferenceForm } from "./preference-form";
import { PageExtras, saveOrRefusal } from "./save-outcome";
import { rankingPage } from "./ranking-page";
import { receiptOf } from "./receipt";
import { Child, familyChildren, roundForChild } from "./store/round-lookup";
import { roundById } from "./store/rounds";
import { preferenceOf } from "./store/preferences";
import { formatLocal, schoolZone } from "../kernel";
import type { RoundPublishedOf } from "./family-card";
import { familyProgress } from "./family-progress";

export function familyChoiceRoutes(ds: DataSource, publishedOf: RoundPublishedOf): Router {
  const router = Router();

  // The family's children, read once per request: the page lists them all (to switch child)
  // and the one asked for must be among them.
  const childrenOf = new WeakMap<Request, Promise<Child[]>>();
  function familyKids(req: Request): Promise<Child[]> {
    let kids = childrenOf.get(req);
    if (!kids) childrenOf.set(req, (kids = familyChildren(ds.manager, familyUser(req).id)));
    return kids;
  }

  async function ownChild(req: Request, studentId: number | null): Promise<Child> {
    const child = studentId === null ? undefined : (await familyKids(req)).find((c) => c.id === studentId);
    if (!child) throw new HttpError(404, "errors.notFound");
    return child;
  }

  async function render(
    req: Request,
    res: Response,
    child: Child,
    round: ChoiceRound | null,
    status = 200,
    extras: PageExtras = {},
  ) {
    const zone = await schoolZone(ds.manager);
    const children = await familyKids(req);
    const page = round ? await rankingPage(ds.manager, round, child, zone, extras.posted) : null;
    // A closed round leads to its results, or says they are still to come.
    const published = page?.round.state === "closed" && (await publishedOf(ds, page.round.id));
    res.status(status).render("choices/family", {
      title: res.locals.t("choices.family.title", { name: child.name }),
      child,
      children,
      page,
      when: meetingText(res.locals.t),
      errors: extras.errors ?? {},
      conflict: extras.conflict ?? false,
      closedNotice: extras.closedNotice ?? null,
      published,
    });
  }

  router.get("/choices", scope.family("a family's own children's club choices"), (req, res) =>
    res.redirect(`/choices/${familyUser(req).studentId}`),
  );

  router.get("/choices/:studentId", scope.family("a family's own children's club choices"), async (req, res) => {
    const child = await ownChild(req, idParam(req.params.studentId));
    await render(req, res, child, await roundForChild(ds.manager, child.grade, nowIso()));
  });

  router.post("/choices", scope.family("a family's own children's club choices"), async (req, res) => {
    const body = (req.body ?? {}) as Record<string, unknown>;
    const child = await ownChild(req, optionalId(body.studentId));
    const roundId = optionalId(body.roundId);
    const round = roundId === null ? null : await roundById(ds, roundId);
    if (!round || !round.grades.includes(child.grade)) throw new HttpError(404, "errors.notFound");
    const form = parsePreferenceForm(req.body, round.maxChoices);
    if (!form.ok) return render(req, res, child, round, 400, { errors: form.errors, posted: form.posted });
    const refusal = await saveOrRefusal(
      ds,
      round,
      child.id,
      form.data,
      form.posted,
      { kind: "family" },
      actorOf(req.session.user),
      res.locals.t,
    );
    if (refusal) return render(req, res, child, round, refusal.status, refusal.extras);
    req.session.flash = { kind: "ok", key: "choices.saved", params: { name: child.name } };
    res.redirect(`/choices/${child.id}/receipt?round=${round.id}`);
  });

  router.get(
    "/choices/:studentId/receipt",
    scope.family("a family's own children's club choices"),
    async (req, res) => {
      const child = await ownChild(req, idParam(req.params.studentId));
      const asked = optionalId(req.query.round);
      const round =
        asked !== null ? await roundById(ds, asked) : await roundForChild(ds.manager, child.grade, nowIso());
      if (asked !== null && (!round || !round.grades.includes(child.grade)))
        throw new HttpError(404, "errors.notFound");
      const pref = round ? await preferenceOf(ds, round.id, child.id) : null;
      const zone = await schoolZone(ds.manager);
      const receipt =
        pref && round
          ? await receiptOf(ds.manager, pref, round, await loadClubOffer(ds.manager, round.termId), zone)
          : null;
      const open = round ? round.opensAt <= nowIso() && nowIso() < round.closesAt : false;
      const upcoming = round ? nowIso() < round.opensAt : false;
      res.render("choices/receipt", {
        title: res.locals.t("choices.receipt.title"),
        child,
        receipt,
        open,
        when: meetingText(res.locals.t),
        closesAt: round ? formatLocal(round.closesAt, zone) : null,
        roundName: round?.name ?? null,
        upcoming,
        published: round && !open && !upcoming ? await publishedOf(ds, round.id) : false,
        progress: await familyProgress(ds.manager, await familyKids(req), child.id),
        siblings: (await familyKids(req)).length > 1,
      });
    },
  );

  return router;
}
