// Routes of this capability (registered in src/routes.ts): the feed file for
// calendar clients, /feeds (a user's feeds), each feed's page, and regenerating
// a feed's link.
import { Router, Request, Response } from "express";
import type { DataSource } from "typeorm";
import { scope, HttpError, pageOf } from "../http";
import { actorOf } from "../audit";
import { feedTargetFor, FeedTarget } from "./feed-access";
import { feedFileRoutes } from "./feed-file-routes";
import { feedIndexFor, feedPath } from "./feed-index";
import { feedLinks, inWeChat } from "./feed-page";
import { liveToken, regenerateToken } from "./token-service";

export { feedFileRoutes };

async function targetOf(ds: DataSource, req: Request): Promise<FeedTarget> {
  const target = await feedTargetFor(ds, req.session.user!, req.params.kind as string, req.params.id as string);
  if (!target) throw new HttpError(404, "errors.notFound");
  return target;
}

async function renderFeedPage(
  ds: DataSource,
  req: Request,
  res: Response,
  target: FeedTarget,
  status = 200,
  errors: Record<string, { key: string }> = {},
) {
  const links = await feedLinks(req, await liveToken(ds, target.subject));
  // The page shows a secret: keep it out of shared caches and browser history caches.
  res.set("Cache-Control", "no-store");
  res.status(status).render("feeds/show", {
    title: res.locals.t("feeds.page.title", {
      name: target.label || res.locals.t(`feeds.kinds.${target.subject.kind}`),
    }),
    target,
    links,
    wechat: inWeChat(req),
    errors,
    action: `${feedPath(target.subject.kind, target.subject.id)}/regenerate`,
  });
}

export function feedRoutes(ds: DataSource): Router {
  const router = Router();
  // Also mountable on its own, ahead of sessions and body parsers (it needs neither).

  router.get(
    "/feeds",
    scope.signedIn(
      { class_teacher: "own account", teacher: "own account", external: "own account" },
      "calendar feed pages: one's own feeds (an admin hands out the school's)",
    ),
    async (req, res) => {
      const index = await feedIndexFor(ds, req.session.user!, pageOf(req.query));
      res.render("feeds/index", { title: res.locals.t("feeds.index.title"), index });
    },
  );

  router.get(
    "/feeds/:kind/:id",
    scope.signedIn(
      { class_teacher: "own account", teacher: "own account", external: "own account" },
      "calendar feed pages: one's own feeds (an admin hands out the school's)",
    ),
    async (req, res) => {
      await renderFeedPage(ds, req, res, await targetOf(ds, req));
    },
  );

  router.post(
    "/feeds/:kind/:id/regenerate",
    scope.signedIn(
      { class_teacher: "own account", teacher: "own account", external: "own account" },
      "calendar feed pages: one's own feeds (an admin hands out the school's)",
    ),
    async (req, res) => {
      const target = await targetOf(ds, req);
      // The old link stops working for everyone who subscribed: say so, and ask.
      if ((req.body as Record<string, unknown> | undefined)?.confirm !== "1")
        return renderFeedPage(ds, req, res, target, 400, { confirm: { key: "feeds.regenerate.mustConfirm" } });
      await regenerateToken(ds, target.subject, actorOf(req.session.user));
      req.session.flash = { kind: "ok", key: "feeds.regenerate.done" };
      res.redirect(feedPath(target.subject.kind, target.subject.id));
    },
  );

  return router;
}
