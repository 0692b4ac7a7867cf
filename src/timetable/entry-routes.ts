// Admin: add, edit, move and delete timetable entries with plain forms.
// Bad input → 400 naming the field; a clash → 409 with the explanation on the
// form; in both cases nothing is saved.
import { Router, Request, Response } from "express";
import type { DataSource } from "typeorm";
import { scope, HttpError, idParam, FormError, fieldErrors, type FieldErrors } from "../http";
import { actorOf } from "../audit";
import { entryForm, moveForm } from "./entry-form";
import { checkEntry, ClashRefused, deleteEntry, moveEntry, saveEntry } from "./entry-service";
import { busyIn, choicesOf, clashFields, EntryPage, newEntryValues, postedValues, valuesOf } from "./entry-page";
import { parseView, viewParam } from "./core/grid";
import { currentTerm, loadWeek, Week } from "./store/week";

export async function currentWeek(ds: DataSource): Promise<Week> {
  const term = await currentTerm(ds.manager);
  if (!term) throw new HttpError(409, "timetable.noTerm");
  return loadWeek(ds.manager, term);
}

const gridUrl = (view: string, slot?: { weekday: number; periodId: number }) =>
  `/admin/timetable?view=${encodeURIComponent(view)}${slot ? `#slot-${slot.weekday}-${slot.periodId}` : ""}`;

export function entryRoutes(ds: DataSource): Router {
  const router = Router();

  async function render(res: Response, status: number, page: Partial<EntryPage> & { id: number | null }, week?: Week) {
    const w = week ?? (await currentWeek(ds));
    const entry = page.id === null ? null : (w.entries.find((e) => e.id === page.id) ?? null);
    if (page.id !== null && !entry) throw new HttpError(404, "errors.notFound");
    const full: EntryPage = {
      entry,
      form: entry ? valuesOf(entry) : {},
      errors: {},
      clashes: [],
      checked: false,
      attempt: false,
      view: "all",
      move: { form: entry ? valuesOf(entry) : {}, errors: {}, clashes: [] },
      ...page,
    };
    res.status(status).render("timetable/entry", {
      title: res.locals.t(entry ? "timetable.entry.editTitle" : "timetable.entry.newTitle"),
      ...full,
      choices: choicesOf(w, entry),
      busy: busyIn(w, full.form, page.id),
      clashFields: clashFields(full.clashes),
    });
  }

  router.get("/admin/timetable/entries/new", scope.admin(), async (req, res) => {
    const q = req.query as Record<string, unknown>;
    const text = (v: unknown) => (typeof v === "string" ? v : "");
    const week = await currentWeek(ds);
    await render(
      res,
      200,
      {
        id: null,
        view: viewParam(parseView(q.view)),
        form: newEntryValues(week, text(q.weekday), text(q.periodId), text(q.clubId)),
      },
      week,
    );
  });

  router.get("/admin/timetable/entries/:id/edit", scope.admin(), async (req, res) => {
    await render(res, 200, { id: idParam(req.params.id), view: viewParam(parseView(req.query.view)) });
  });

  async function submit(req: Request, res: Response, id: number | null) {
    const body = (req.body ?? {}) as Record<string, unknown>;
    const view = viewParam(parseView(body.view));
    const again = (status: number, extra: Partial<EntryPage>) =>
      render(res, status, { id, view, form: postedValues(body), ...extra });
    const parsed = entryForm.safeParse(body);
    if (!parsed.success) return again(400, { errors: fieldErrors(parsed.error) });
    try {
      if (body.intent === "check") return again(200, { clashes: await checkEntry(ds, id, parsed.data), checked: true });
      const entry = await saveEntry(ds, id, parsed.data, actorOf(req.session.user));
      backToGrid(req, res, view, entry, id === null ? "timetable.entry.created" : "timetable.entry.saved");
    } catch (err) {
      const refused = refusal(err);
      return again(refused.status, refused.extra);
    }
  }

  router.post("/admin/timetable/entries", scope.admin(), (req, res) => submit(req, res, null));
  router.post("/admin/timetable/entries/:id", scope.admin(), (req, res) => submit(req, res, idParam(req.params.id)));

  // A move changes the slot only; the page shows its errors beside the move form.
  router.post("/admin/timetable/entries/:id/move", scope.admin(), async (req, res) => {
    const id = idParam(req.params.id);
    const body = (req.body ?? {}) as Record<string, unknown>;
    const view = viewParam(parseView(body.view));
    const again = (status: number, extra: Partial<EntryPage["move"]>) =>
      render(res, status, { id, view, move: { form: postedValues(body), errors: {}, clashes: [], ...extra } });
    const parsed = moveForm.safeParse(body);
    if (!parsed.success) return again(400, { errors: fieldErrors(parsed.error) });
    const refused = await moveEntry(ds, id, parsed.data, actorOf(req.session.user)).then(
      (entry) => backToGrid(req, res, view, entry, "timetable.entry.moved"),
      refusal,
    );
    if (!refused) return;
    if (!("clashes" in refused.extra)) return again(refused.status, refused.extra);
    // A clash (often after a drag on the grid): the edit form shows the slot the admin
    // tried, with the clash at its top and beside the fields it concerns, so changing
    // the teacher or venue there and saving completes the move.
    const week = await currentWeek(ds);
    const entry = week.entries.find((e) => e.id === id);
    if (!entry) throw new HttpError(404, "errors.notFound");
    const tried = { weekday: String(parsed.data.weekday), periodId: String(parsed.data.periodId) };
    await render(
      res,
      refused.status,
      {
        id,
        view,
        form: { ...valuesOf(entry), ...tried },
        clashes: refused.extra.clashes,
        attempt: true,
        move: { form: { ...valuesOf(entry), ...tried }, errors: {}, clashes: [] },
      },
      week,
    );
  });

  router.get("/admin/timetable/entries/:id/delete", scope.admin(), async (req, res) => {
    const id = idParam(req.params.id);
    const week = await currentWeek(ds);
    const entry = week.entries.find((e) => e.id === id);
    if (!entry) throw new HttpError(404, "errors.notFound");
    const period = week.periods.find((p) => p.id === entry.periodId);
    res.render("timetable/delete", {
      title: res.locals.t("timetable.entry.deleteTitle"),
      entry,
      period,
      view: viewParam(parseView(req.query.view)),
    });
  });

  router.post("/admin/timetable/entries/:id/delete", scope.admin(), async (req, res) => {
    const entry = await deleteEntry(ds, idParam(req.params.id), actorOf(req.session.user));
    req.session.flash = { kind: "ok", key: "timetable.entry.deleted", params: { title: entry.title } };
    res.redirect(gridUrl(viewParam(parseView((req.body as Record<string, unknown> | undefined)?.view)), entry));
  });

  return router;
}

// A service's refusal re-renders the form: a field it names as 400, a clash as 409.
function refusal(err: unknown): {
  status: number;
  extra: { errors: FieldErrors } | { clashes: ClashRefused["clashes"] };
} {
  if (err instanceof FormError) return { status: 400, extra: { errors: err.errors } };
  if (err instanceof ClashRefused) return { status: 409, extra: { clashes: err.clashes } };
  throw err;
}

// Saved: back to the grid at the entry's slot, with a flash naming it.
function backToGrid(
  req: Request,
  res: Response,
  view: Parameters<typeof gridUrl>[0],
  entry: Parameters<typeof gridUrl>[1] & { title: string },
  key: string,
): undefined {
  req.session.flash = { kind: "ok", key, params: { title: entry.title } };
  res.redirect(gridUrl(view, entry));
  return undefined;
}
