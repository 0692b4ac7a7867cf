// /account/email: a family's optional e-mail address for notices. Adding or
// changing it needs consent (recorded with the privacy notice's version) and
// sends a link to the address; it counts only once the link is opened, signed
// in as the same family (a GET shows the confirmation, the POST verifies).
import { Router, Request, Response } from "express";
import { z } from "zod";
import type { DataSource } from "typeorm";
import { familyUser, formBody, scope, siteBase, submit, type FieldErrors } from "../http";
import { actorOf } from "../audit";
import { emailConfigured, familyEmailOf } from "../notifications";
import {
  TOKEN_PATTERN,
  confirmFamilyEmail,
  removeFamilyEmailAddress,
  resendFamilyEmailLink,
  setFamilyEmail,
  withdrawFamilyEmailConsent,
} from "./family-email-service";

const FAMILY_OWN = (why: string) => scope.ownAccount(why, ["family"]);

const emailForm = z.object({
  address: z
    .string()
    .trim()
    .toLowerCase()
    .min(1, "validation.required")
    .max(254, "validation.tooLong")
    .email("validation.email"),
  consent: z.literal("1", { message: "notifications.familyEmail.consentRequired" }),
});

export function familyEmailRoutes(ds: DataSource): Router {
  const router = Router();
  const ctx = (req: Request, res: Response) => ({ base: siteBase(req), locale: String(res.locals.locale ?? "zh-CN") });

  const page = async (req: Request, res: Response, status = 200, errors: FieldErrors = {}, typed?: string) => {
    const [current, available] = await Promise.all([familyEmailOf(ds, familyUser(req).id), emailConfigured(ds)]);
    res.status(status).render("notifications/family-email", {
      available,
      title: res.locals.t("notifications.familyEmail.title"),
      current,
      state: !current ? "none" : current.withdrawnAt ? "withdrawn" : current.verifiedAt ? "verified" : "pending",
      errors,
      typed: typed ?? "",
    });
  };

  router.get("/account/email", FAMILY_OWN("a family's own e-mail address for notices"), (req, res) => page(req, res));

  router.post("/account/email", FAMILY_OWN("a family adds or changes its own e-mail address"), async (req, res) => {
    const body = formBody(req);
    const typed = typeof body.address === "string" ? body.address.slice(0, 254) : "";
    let saved = "";
    const ok = await submit(
      emailForm,
      body,
      async (data) => {
        await setFamilyEmail(ds, familyUser(req).id, data.address, ctx(req, res), actorOf(req.session.user));
        saved = data.address;
      },
      (errors) => page(req, res, 400, errors, typed),
    );
    if (!ok) return;
    req.session.flash = { kind: "ok", key: "notifications.familyEmail.linkSent", params: { address: saved } };
    res.redirect("/account/email");
  });

  router.post("/account/email/resend", FAMILY_OWN("a family asks for a new verification link"), async (req, res) => {
    const outcome = await resendFamilyEmailLink(ds, familyUser(req).id, ctx(req, res));
    req.session.flash =
      outcome === "sent"
        ? { kind: "ok", key: "notifications.familyEmail.linkResent" }
        : { kind: "error", key: `notifications.familyEmail.${outcome === "none" ? "nothingToVerify" : outcome}` };
    res.redirect("/account/email");
  });

  router.post("/account/email/withdraw", FAMILY_OWN("a family withdraws its consent to e-mail"), async (req, res) => {
    const done = await withdrawFamilyEmailConsent(ds, familyUser(req).id, actorOf(req.session.user));
    req.session.flash = done
      ? { kind: "ok", key: "notifications.familyEmail.withdrawn" }
      : { kind: "error", key: "notifications.familyEmail.nothingToWithdraw" };
    res.redirect("/account/email");
  });

  router.post("/account/email/remove", FAMILY_OWN("a family removes its own e-mail address"), async (req, res) => {
    const done = await removeFamilyEmailAddress(ds, familyUser(req).id, actorOf(req.session.user));
    req.session.flash = done
      ? { kind: "ok", key: "notifications.familyEmail.removed" }
      : { kind: "error", key: "notifications.familyEmail.nothingToRemove" };
    res.redirect("/account/email");
  });

  const VERIFY = FAMILY_OWN("a family opens the link sent to its own address");
  router.get("/account/email/verify/:token", VERIFY, async (req, res) => {
    const token = String(req.params.token);
    const current = await familyEmailOf(ds, familyUser(req).id);
    res.status(TOKEN_PATTERN.test(token) ? 200 : 404).render("notifications/verify-email", {
      title: res.locals.t("notifications.familyEmail.verifyTitle"),
      token: TOKEN_PATTERN.test(token) ? token : null,
      address: current && !current.verifiedAt && !current.withdrawnAt ? current.address : null,
    });
  });

  router.post("/account/email/verify/:token", VERIFY, async (req, res) => {
    const token = String(req.params.token);
    const ok =
      TOKEN_PATTERN.test(token) && (await confirmFamilyEmail(ds, familyUser(req).id, token, actorOf(req.session.user)));
    if (!ok) {
      res.status(400);
      return res.render("notifications/verify-email", {
        title: res.locals.t("notifications.familyEmail.verifyTitle"),
        token: null,
        address: null,
      });
    }
    req.session.flash = { kind: "ok", key: "notifications.familyEmail.verified" };
    res.redirect("/account/email");
  });

  return router;
}
