// Admin: per-date changes to the published week (issue 17). Pick a date → its
// sessions with "cancel" and "cover"; cancel a whole day (school or grade); the
// term's changes, a page at a time, each removable through a confirm page.
// Bad input → 400 naming the field, and nothing is written.
import { Router, Request, Response } from "express";
import type { DataSource } from "typeorm";
import { scope, HttpError, idParam, optionalId, pageCount, pageOf } from "../http";
import { actorOf } from "../audit";
import { currentTerm } from "../db";
import {
  CANCEL_REASONS,
  GRADES,
  dateChangeById,
  isIsoDate,
  parseCancel,
  parseCover,
  schoolToday,
  type DateChangeKind,
  type FormErrors,
} from "../kernel";
import { cancelSession, coverSession, DateChangeRefused, removeDateChange } from "./date-changes-service";
import { changeLine, changeLines, coverChoices, dateSessions } from "./date-changes-page";
import { publishedOf } from "./store/published";

const BASE = "/admin/timetable/dates";
const dateParam = (value: unknown): string => {
  if (!isIsoDate(value)) throw new HttpError(404, "errors.notFound");
  return value;
};
const kindParam = (value: unknown): DateChangeKind => {
  if (value !== "cancel" && value !== "cover") throw new HttpError(404, "errors.notFound");
  return value;
};

async function termOrFail(ds: DataSource) {
  const term = await currentTerm(ds.manager);
  if (!term) throw new HttpError(409, "timetable.noTerm");
  return term;
}

export function dateChangeRoutes(ds: DataSource): Router {
  const router = Router();
  const admin = scope.admin("per-date changes to the published week: cancellations and cover");

  router.get(BASE, admin, async (req, res) => {
    const term = await currentTerm(ds.manager);
    const title = res.locals.t("dateChanges.title");
    if (!term) return res.render("timetable/no-term", { title });
    const q = req.query.date;
    if (q !== undefined && q !== "" && !isIsoDate(q)) throw new HttpError(400, "dateChanges.error.badDate");
    const today = await schoolToday(ds);
    const fallback = today < term.startDate || today > term.endDate ? term.startDate : today;
    const date = typeof q === "string" && q !== "" ? q : fallback;
    const published = await publishedOf(ds.manager, term.id);
    const inTerm = date >= term.startDate && date <= term.endDate;
    const day = inTerm ? await dateSessions(ds, term.id, date) : { hasService: false, lines: [] };
    const page = pageOf(req.query, 20);
    const changes = await changeLines(ds, term, page.skip, page.size);
    res.render("timetable/dates", {
      title,
      term,
      date,
      inTerm,
      published: published.publishedAt !== null,
      day,
      changes: changes.lines,
      page: page.page,
      pages: pageCount(changes.total, page.size),
      reasons: CANCEL_REASONS,
      grades: GRADES,
      form: {},
      errors: {},
    });
  });

  // The change form: one session's cancel and cover forms, or (no session) a day's cancel form.
  async function renderForm(
    res: Response,
    status: number,
    date: string,
    entryId: number | null,
    form: Record<string, unknown>,
    errors: FormErrors,
    action: "cancel" | "cover" | null,
  ) {
    const term = await termOrFail(ds);
    const inTerm = isIsoDate(date) && date >= term.startDate && date <= term.endDate;
    const line =
      inTerm && entryId !== null
        ? ((await dateSessions(ds, term.id, date)).lines.find((l) => l.session.entry.id === entryId) ?? null)
        : null;
    res.status(status).render("timetable/date-change", {
      title: res.locals.t("dateChanges.formTitle"),
      date,
      entryId,
      line,
      form,
      action,
      errors: { cancel: action === "cancel" ? errors : {}, cover: action === "cover" ? errors : {} },
      reasons: CANCEL_REASONS,
      grades: GRADES,
      staff: await coverChoices(ds),
    });
  }

  router.get(`${BASE}/:date/sessions/:entryId`, admin, async (req, res) => {
    const date = dateParam(req.params.date);
    const entryId = idParam(req.params.entryId);
    const term = await termOrFail(ds);
    const found = (await dateSessions(ds, term.id, date)).lines.some((l) => l.session.entry.id === entryId);
    if (!found) throw new HttpError(404, "errors.notFound");
    await renderForm(res, 200, date, entryId, {}, {}, null);
  });

  const body = (req: Request): Record<string, unknown> => (req.body ?? {}) as Record<string, unknown>;
  const entryOf = (b: Record<string, unknown>) => optionalId(b.entryId);
  // The posted date as the refused form shows it again: the text sent (String() of a number or an array); "" for
  // nothing or an object.
  const shownDate = (v: unknown): string =>
    typeof v === "string"
      ? v
      : typeof v === "number" || typeof v === "boolean"
        ? String(v)
        : Array.isArray(v)
          ? v.map(shownDate).join(",")
          : "";
  const done = (req: Request, res: Response, key: string, date: string) => {
    req.session.flash = { kind: "ok", key, params: { date } };
    res.redirect(303, `${BASE}?date=${date}`);
  };

  router.post(`${BASE}/cancel`, admin, async (req, res) => {
    const b = body(req);
    const again = (errors: FormErrors) =>
      renderForm(res, 400, shownDate(b.date), b.scope === "day" ? null : entryOf(b), b, errors, "cancel");
    const { input, errors } = parseCancel(b);
    if (!input) return again(errors);
    try {
      await cancelSession(ds, input, actorOf(req.session.user));
    } catch (err) {
      if (err instanceof DateChangeRefused) return again(err.errors);
      throw err;
    }
    done(req, res, "dateChanges.saved.cancel", input.date);
  });

  router.post(`${BASE}/cover`, admin, async (req, res) => {
    const b = body(req);
    const again = (errors: FormErrors) => renderForm(res, 400, shownDate(b.date), entryOf(b), b, errors, "cover");
    const { input, errors } = parseCover(b);
    if (!input) return again(errors);
    try {
      await coverSession(ds, input, actorOf(req.session.user));
    } catch (err) {
      if (err instanceof DateChangeRefused) return again(err.errors);
      throw err;
    }
    done(req, res, "dateChanges.saved.cover", input.date);
  });

  const changeOf = async (req: Request) => {
    const kind = kindParam(req.params.kind);
    const change = await dateChangeById(ds.manager, kind, idParam(req.params.id));
    if (!change) throw new HttpError(404, "errors.notFound");
    return change;
  };

  router.get(`${BASE}/changes/:kind/:id/remove`, admin, async (req, res) => {
    const change = await changeOf(req);
    const term = await termOrFail(ds);
    res.render("timetable/date-change-remove", {
      title: res.locals.t("dateChanges.removeTitle"),
      line: await changeLine(ds, term.id, change),
    });
  });

  router.post(`${BASE}/changes/:kind/:id/remove`, admin, async (req, res) => {
    const change = await changeOf(req);
    if (!(await removeDateChange(ds, change.kind, change.id, actorOf(req.session.user))))
      throw new HttpError(404, "errors.notFound");
    done(req, res, "dateChanges.saved.remove", change.date);
  });

  return router;
}
