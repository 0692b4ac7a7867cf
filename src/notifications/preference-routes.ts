// "通知设置": each person's table of notice kinds × their own channels. The
// in-app column and the always-sent kinds are shown ticked and disabled, with
// the reason; e-mail is offered once the person has a usable address.
import { Router, Request, Response } from "express";
import type { DataSource } from "typeorm";
import { HttpError, formBody, scope } from "../http";
import { actorOf } from "../audit";
import { ALWAYS_SENT, KINDS_FOR, PERSONAL_CHANNELS, choosable, wants } from "./core/preferences";
import { type Person, optOutsOf, staffEmailOf } from "./preference-store";
import { usableFamilyEmail } from "./family-email-store";
import { saveNoticeSettings } from "./preference-service";

const OWN = scope.ownAccount("one's own notice settings");

function personOf(req: Request): Person {
  const user = req.session.user!;
  return { kind: user.kind, id: user.id };
}

/** The ticked boxes of the form: "kind|channel" strings, however many were sent. */
function tickedOf(body: Record<string, unknown>): string[] {
  const on = body.on;
  const list = Array.isArray(on) ? on : on === undefined ? [] : [on];
  return list.filter((v): v is string => typeof v === "string");
}

export function preferenceRoutes(ds: DataSource): Router {
  const router = Router();

  const emailOf = (person: Person) =>
    person.kind === "family" ? usableFamilyEmail(ds, person.id) : staffEmailOf(ds, person.id);

  const page = async (req: Request, res: Response) => {
    const person = personOf(req);
    const [optOuts, email] = await Promise.all([optOutsOf(ds, person), emailOf(person)]);
    res.render("notifications/preferences", {
      title: res.locals.t("notifications.prefs.title"),
      family: person.kind === "family",
      email,
      rows: KINDS_FOR[person.kind].map((kind) => ({
        kind,
        label: kind.replace(/\./g, "_"),
        always: ALWAYS_SENT.includes(kind),
        cells: PERSONAL_CHANNELS.map((channel) => ({
          channel,
          checked: wants(optOuts, kind, channel),
          // E-mail without an address is shown but cannot be ticked: nothing would be sent.
          disabled: !choosable(kind, channel) || (channel === "email" && !email),
        })),
      })),
    });
  };

  router.get("/notifications/settings", OWN, page);

  router.post("/notifications/settings", OWN, async (req, res) => {
    const person = personOf(req);
    const body = formBody(req);
    // Unticked boxes are not sent, so an empty post would mean "switch all off": only the page's own form counts.
    if (body.form !== "notice-settings") throw new HttpError(400, "validation.invalid_format");
    const offered = PERSONAL_CHANNELS.filter((c) => c !== "email") as string[];
    if (await emailOf(person)) offered.push("email");
    await saveNoticeSettings(ds, person, { ticked: tickedOf(body), offered }, actorOf(req.session.user));
    req.session.flash = { kind: "ok", key: "notifications.prefs.saved" };
    res.redirect("/notifications/settings");
  });

  return router;
}
