// The "remind the rest" page: children of a round without a reply, by class, and
// the paper-reply lookup by student number. Shared by the page's own route and
// the lookup, which shows its field error on this same page (400/404).
import type { Request, Response } from "express";
import type { DataSource } from "typeorm";
import { optionalId, type FieldErrors } from "../http";
import { nowIso } from "../db";
import type { ChoiceRound } from "./entities";
import { roundState } from "./core";
import { reminderList } from "./store/round-progress";
import { classScope } from "./staff-scope";
import { formatLocal, schoolZone } from "../kernel";

export async function renderRemind(
  ds: DataSource,
  req: Request,
  res: Response,
  round: ChoiceRound,
  status = 200,
  lookup: { studentNumber: string; errors: FieldErrors } = { studentNumber: "", errors: {} },
): Promise<void> {
  const scope = await classScope(ds.manager, req);
  const asked = optionalId(req.query.class);
  const only = asked === null ? scope : (scope ?? [asked]).filter((id) => id === asked);
  const classes = await reminderList(ds.manager, round, only);
  const zone = await schoolZone(ds.manager);
  res.status(status).render("choices/admin/remind", {
    title: res.locals.t("choices.remind.title", { name: round.name }),
    round,
    classes,
    classFilter: asked,
    closesLocal: formatLocal(round.closesAt, zone),
    state: roundState(round, nowIso()),
    missing: classes.reduce((n, c) => n + c.rows.length, 0),
    lookup,
  });
}
