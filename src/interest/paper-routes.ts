// Staff type in a family's paper answer (回执) for families without a phone: the
// same rules as online, saved as source "staff" with the staff member's id and
// audit-logged. The admin finds the child by the student number on the slip.
import { Router, Request, Response } from "express";
import type { DataSource } from "typeorm";
import { fieldErrors, formBody, HttpError, idParam, scope, staffUser, type FieldErrors } from "../http";
import { actorOf } from "../audit";
import { findChild, meetingText, type Child } from "../choices";
import { schoolNow, schoolZone } from "../kernel";
import type { InterestSurvey } from "./entities";
import type { Ticks } from "./core";
import { answerForm } from "./answer-form";
import { saveAnswer } from "./answer-service";
import { familySurveyPage } from "./family-page";
import { studentIdByNumber } from "./store/people";
import { surveyById } from "./store/surveys";

const paper = () => scope.admin("interest survey paper slips: the office types in a family's answer");

export function interestPaperRoutes(ds: DataSource): Router {
  const router = Router();

  async function target(req: Request): Promise<{ survey: InterestSurvey; child: Child }> {
    const survey = await surveyById(ds, idParam(req.params.id));
    const child = await findChild(ds.manager, idParam(req.params.studentId));
    if (!survey || survey.opensAt === null || !child || !survey.grades.includes(child.grade))
      throw new HttpError(404, "errors.notFound");
    return { survey, child };
  }

  async function render(
    res: Response,
    survey: InterestSurvey,
    child: Child,
    status = 200,
    errors: FieldErrors = {},
    posted: Ticks | null = null,
  ) {
    const page = await familySurveyPage(
      ds.manager,
      survey,
      child,
      await schoolZone(ds.manager),
      schoolNow().toISOString(),
    );
    res.status(status).render("interest/admin-paper", {
      title: res.locals.t("interest.paper.title", { name: child.name }),
      survey,
      child,
      page,
      errors,
      ticked: posted?.clubIds ?? page.saved?.clubs.map((c) => c.id) ?? [],
      mostWanted: posted ? posted.mostWantedClubId : (page.saved?.mostWanted?.id ?? null),
      when: meetingText(res.locals.t),
    });
  }

  // A slip carries the student number: find the child and open its form; a missing or unknown number is said on the survey's page.
  router.get("/admin/interest/:id/paper", paper(), async (req, res) => {
    const survey = await surveyById(ds, idParam(req.params.id));
    if (!survey) throw new HttpError(404, "errors.notFound");
    const number = typeof req.query.studentNumber === "string" ? req.query.studentNumber.trim().slice(0, 32) : "";
    const id = number ? await studentIdByNumber(ds, number) : null;
    if (id === null) {
      const key = number ? "interest.paper.notFound" : "interest.paper.numberRequired";
      return res.status(number ? 404 : 400).render("interest/admin-paper-find", {
        title: res.locals.t("interest.paper.find"),
        survey,
        studentNumber: number,
        errors: { studentNumber: { key, params: { number } } },
      });
    }
    res.redirect(`/admin/interest/${survey.id}/paper/${id}`);
  });

  router.get("/admin/interest/:id/paper/:studentId", paper(), async (req, res) => {
    const { survey, child } = await target(req);
    await render(res, survey, child);
  });

  router.post("/admin/interest/:id/paper/:studentId", paper(), async (req, res) => {
    const { survey, child } = await target(req);
    const parsed = answerForm.safeParse(formBody(req));
    if (!parsed.success) return render(res, survey, child, 400, fieldErrors(parsed.error));
    const outcome = await saveAnswer(
      ds,
      survey.id,
      child,
      parsed.data,
      { kind: "staff", staffId: staffUser(req).id },
      actorOf(req.session.user),
    );
    if (!outcome.ok) {
      if (outcome.status === 404) throw new HttpError(404, "errors.notFound");
      return render(res, survey, child, outcome.status, outcome.errors, parsed.data);
    }
    req.session.flash = { kind: "ok", key: "interest.paper.saved", params: { name: child.name } };
    res.redirect(`/admin/interest/${survey.id}/paper/${child.id}`);
  });

  return router;
}
