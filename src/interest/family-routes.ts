// Families (phone first): /interest/:studentId shows the survey open for one of
// their children (tick the clubs the child would like, mark one "most wanted"),
// or, once closed, what was ticked; POST saves it until the deadline; the
// receipt says what was saved and leads on to the next child still to answer.
import { Router, Request, Response } from "express";
import type { DataSource } from "typeorm";
import { familyUser, fieldErrors, formBody, HttpError, idParam, optionalId, scope, type FieldErrors } from "../http";
import { actorOf } from "../audit";
import { familyChildren, meetingText, nextChildToAnswer, type Child } from "../choices";
import { schoolNow, schoolZone } from "../kernel";
import type { InterestSurvey } from "./entities";
import { surveyState, type Ticks } from "./core";
import { answerForm } from "./answer-form";
import { saveAnswer } from "./answer-service";
import { familySurveyPage } from "./family-page";
import { answerOf } from "./store/answers";
import { surveyForGrade } from "./store/lookup";
import { surveyById } from "./store/surveys";

const family = scope.family("a family's own children's club interest survey");

export function familyInterestRoutes(ds: DataSource): Router {
  const router = Router();

  // Families only ever reach their own children: every route resolves the child here (else 404).
  async function ownChild(req: Request, studentId: number | null): Promise<{ child: Child; children: Child[] }> {
    const children = await familyChildren(ds.manager, familyUser(req).id);
    const child = children.find((c) => c.id === studentId);
    if (!child) throw new HttpError(404, "errors.notFound");
    return { child, children };
  }

  async function render(
    res: Response,
    child: Child,
    children: Child[],
    survey: InterestSurvey | null,
    status = 200,
    errors: FieldErrors = {},
    posted: Ticks | null = null,
  ) {
    const zone = await schoolZone(ds.manager);
    const page = survey ? await familySurveyPage(ds.manager, survey, child, zone, schoolNow().toISOString()) : null;
    res.status(status).render("interest/family", {
      title: res.locals.t("interest.family.title", { name: child.name }),
      child,
      children,
      page,
      errors,
      ticked: posted?.clubIds ?? page?.saved?.clubs.map((c) => c.id) ?? [],
      mostWanted: posted ? posted.mostWantedClubId : (page?.saved?.mostWanted?.id ?? null),
      when: meetingText(res.locals.t),
    });
  }

  router.get("/interest", family, (req, res) => res.redirect(`/interest/${familyUser(req).studentId}`));

  router.get("/interest/:studentId", family, async (req, res) => {
    const { child, children } = await ownChild(req, idParam(req.params.studentId));
    await render(res, child, children, await surveyForGrade(ds.manager, child.grade, schoolNow().toISOString()));
  });

  router.post("/interest/:studentId", family, async (req, res) => {
    const { child, children } = await ownChild(req, idParam(req.params.studentId));
    const body = formBody(req);
    const surveyId = optionalId(body.surveyId);
    const survey = surveyId === null ? null : await surveyById(ds, surveyId);
    if (!survey || survey.opensAt === null || !survey.grades.includes(child.grade))
      throw new HttpError(404, "errors.notFound");
    const parsed = answerForm.safeParse(body);
    if (!parsed.success) return render(res, child, children, survey, 400, fieldErrors(parsed.error));
    const outcome = await saveAnswer(ds, survey.id, child, parsed.data, { kind: "family" }, actorOf(req.session.user));
    if (!outcome.ok) {
      if (outcome.status === 404) throw new HttpError(404, "errors.notFound");
      return render(res, child, children, survey, outcome.status, outcome.errors, parsed.data);
    }
    req.session.flash = { kind: "ok", key: "interest.family.saved", params: { name: child.name } };
    res.redirect(`/interest/${child.id}/receipt?survey=${survey.id}`);
  });

  router.get("/interest/:studentId/receipt", family, async (req, res) => {
    const { child, children } = await ownChild(req, idParam(req.params.studentId));
    const now = schoolNow().toISOString();
    const asked = optionalId(req.query.survey);
    const survey = asked === null ? await surveyForGrade(ds.manager, child.grade, now) : await surveyById(ds, asked);
    if (!survey || survey.opensAt === null || !survey.grades.includes(child.grade))
      throw new HttpError(404, "errors.notFound");
    const page = await familySurveyPage(ds.manager, survey, child, await schoolZone(ds.manager), now);
    // Brothers and sisters next: the first child after this one with an open survey and no answer yet.
    const others = await Promise.all(
      children.map(async (c) => {
        const s = await surveyForGrade(ds.manager, c.grade, now);
        const open = !!s && surveyState(s, now) === "open";
        return { id: c.id, name: c.name, open, answered: open && !!(await answerOf(ds.manager, s.id, c.id)) };
      }),
    );
    res.render("interest/receipt", {
      title: res.locals.t("interest.receipt.title"),
      child,
      page,
      next: nextChildToAnswer(others, child.id),
      siblings: children.length > 1,
      anyOpen: others.some((c) => c.open),
    });
  });

  return router;
}
