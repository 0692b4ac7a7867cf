// Routes of this capability (registered in src/routes.ts). Admin: the club
// list (cards, readable on a phone), create and edit, cancel and restore.
import { Router, Request, Response } from "express";
import type { DataSource } from "typeorm";
import { z } from "zod";
import { fieldErrors, FormError, HttpError, idParam, pageOf, plainText, scope } from "../http";
import { actorOf } from "../audit";
import { currentTerm } from "../db";
import { isIsoDate } from "../kernel";
import { clubForm } from "./club-form";
import { clubFilterOf, listClubs, pageOfClub } from "./club-list";
import { clubChoices, clubValues, codeSuggestion, leaderName, postedClub } from "./club-page";
import {
  ClubTooBig,
  clubOfCurrentTerm,
  createClub,
  setClubCancelled,
  updateClub,
  type OfferFreedSeats,
} from "./service";
import { BelowMembers, capacityDates, overFullClubs } from "./capacity";
import { clubMembersPage } from "./members-page";

/** An optional ?date= (YYYY-MM-DD): absent means the default; malformed is a 400. */
function dateQuery(value: unknown): string | null {
  if (value === undefined || value === "") return null;
  if (!isIsoDate(value)) throw new HttpError(400, "attendance.badDate");
  return value;
}

const reasonForm = z.object({
  reason: plainText(500)
    .optional()
    .transform((r) => r || null),
});

export const CLUBS_PER_PAGE = 12;
export const MEMBERS_PER_PAGE = 20;

const membersHref = (clubId: number, date: string) => `/admin/clubs/${clubId}/members?date=${date}`;

/** `offerFreedSeats`: the waitlist's offer of a raised capacity's seats (the allocation's; the app hands it in). */
export function clubRoutes(ds: DataSource, offerFreedSeats: OfferFreedSeats): Router {
  const router = Router();

  router.get("/admin/clubs", scope.admin(), async (req, res) => {
    const filter = clubFilterOf(req.query);
    const page = pageOf(req.query, CLUBS_PER_PAGE);
    const list = await listClubs(ds, filter, page);
    const extra = `${filter.category ? `&category=${filter.category}` : ""}${filter.grade ? `&grade=${filter.grade}` : ""}`;
    res.render("clubs/list", { title: res.locals.t("clubs.title"), ...list, filter, page: page.page, extra });
  });

  async function form(
    res: Response,
    status: number,
    id: number | null,
    values: Record<string, unknown> | null,
    extra: Record<string, unknown> = {},
  ) {
    const club = id === null ? null : await clubOfCurrentTerm(ds.manager, id);
    const term = await currentTerm(ds.manager);
    const overFull = club && term ? ((await overFullClubs(ds, term, [club])).get(club.id) ?? null) : null;
    const name = typeof values?.name === "string" ? values.name : (club?.name ?? "");
    res.status(status).render("clubs/form", {
      title: res.locals.t(club ? "clubs.editTitle" : "clubs.newTitle"),
      club,
      choices: await clubChoices(ds, club),
      overFull: overFull && { ...overFull, href: membersHref(club!.id, overFull.date) },
      belowMembers: null,
      form:
        values ??
        (club ? clubValues(club) : { category: "arts", grades: [], minSize: "0", maxSize: "30", sessionsPerWeek: "1" }),
      errors: {},
      clashes: [],
      // What a blank code becomes (shown under the field, so the admin sees the code before saving).
      codeSuggestion: term ? await codeSuggestion(ds, term.id, name, club?.id ?? null) : "",
      ...extra,
    });
  }

  router.get("/admin/clubs/new", scope.admin(), (_req, res) => form(res, 200, null, null));
  router.get("/admin/clubs/:id/edit", scope.admin(), (req, res) => form(res, 200, idParam(req.params.id), null));

  async function submit(req: Request, res: Response, id: number | null) {
    const again = (status: number, extra: Record<string, unknown>) =>
      form(res, status, id, postedClub(req.body), extra);
    const parsed = clubForm.safeParse(req.body ?? {});
    if (!parsed.success) return again(400, { errors: fieldErrors(parsed.error) });
    try {
      const actor = actorOf(req.session.user);
      const { club, leaderAdded } =
        id === null
          ? await createClub(ds, parsed.data, actor)
          : await updateClub(ds, id, parsed.data, actor, offerFreedSeats);
      const leader = leaderAdded ? await leaderName(ds, club) : "";
      req.session.flash = {
        kind: "ok",
        key: `${id === null ? "clubs.created" : "clubs.saved"}${leaderAdded ? "WithLeader" : ""}`,
        params: { name: club.name, code: club.code, leader },
      };
      // Back to the list at the club's card (its page, anchored): a new club's card offers "place in the timetable".
      const page = await pageOfClub(ds, club.termId, club.id, CLUBS_PER_PAGE);
      res.redirect(`/admin/clubs${page > 1 ? `?page=${page}` : ""}#club-${club.id}`);
    } catch (err) {
      if (err instanceof FormError) return again(400, { errors: err.errors });
      if (err instanceof BelowMembers) {
        return again(400, {
          errors: {
            maxSize: { key: "clubs.errors.belowMembers", params: { count: err.peak.count, date: err.peak.date } },
          },
          belowMembers: { ...err.peak, href: membersHref(err.clubId, err.peak.date) },
        });
      }
      if (err instanceof ClubTooBig)
        return again(409, { clashes: err.clashes, errors: { maxSize: { key: "clubs.errors.tooBigForVenue" } } });
      throw err;
    }
  }

  router.post("/admin/clubs", scope.admin(), (req, res) => submit(req, res, null));
  router.post("/admin/clubs/:id", scope.admin(), (req, res) => submit(req, res, idParam(req.params.id)));

  // Who holds a club's seats on a date (today, within the term, unless asked).
  router.get("/admin/clubs/:id/members", scope.admin(), async (req, res) => {
    const club = await clubOfCurrentTerm(ds.manager, idParam(req.params.id));
    const term = (await currentTerm(ds.manager))!;
    const date = dateQuery(req.query.date) ?? (await capacityDates(ds, term)).from;
    const model = await clubMembersPage(ds, club, date, pageOf(req.query, MEMBERS_PER_PAGE));
    res.render("clubs/members", {
      title: res.locals.t("clubs.members.title", { name: club.name }),
      ...model,
      extra: `&date=${date}`,
    });
  });

  // Cancelling asks first (GET shows what it means); restoring is one click.
  router.get("/admin/clubs/:id/cancel", scope.admin(), async (req, res) => {
    const club = await clubOfCurrentTerm(ds.manager, idParam(req.params.id));
    res.render("clubs/cancel", { title: res.locals.t("clubs.cancelTitle"), club, form: {}, errors: {} });
  });

  router.post("/admin/clubs/:id/cancel", scope.admin(), async (req, res) => {
    const id = idParam(req.params.id);
    const parsed = reasonForm.safeParse(req.body ?? {});
    if (!parsed.success) {
      const club = await clubOfCurrentTerm(ds.manager, id);
      return res.status(400).render("clubs/cancel", {
        title: res.locals.t("clubs.cancelTitle"),
        club,
        form: req.body as Record<string, unknown> | undefined,
        errors: fieldErrors(parsed.error),
      });
    }
    const club = await setClubCancelled(ds, id, true, parsed.data.reason, actorOf(req.session.user));
    req.session.flash = { kind: "ok", key: "clubs.cancelled", params: { name: club.name } };
    res.redirect("/admin/clubs");
  });

  router.post("/admin/clubs/:id/restore", scope.admin(), async (req, res) => {
    const club = await setClubCancelled(ds, idParam(req.params.id), false, null, actorOf(req.session.user));
    req.session.flash = { kind: "ok", key: "clubs.restored", params: { name: club.name } };
    res.redirect("/admin/clubs");
  });

  return router;
}
