// A family's notification inbox: newest first, paginated; "mark all read".
import { Router } from "express";
import type { DataSource } from "typeorm";
import { familyUser, pageCount, pageOf, scope } from "../http";
import { actorOf } from "../audit";
import { formatStored, schoolZone } from "../kernel";
import { inbox } from "./store";
import { markAllRead } from "./service";

export function notificationRoutes(ds: DataSource): Router {
  const router = Router();

  router.get("/notifications", scope.family("a family's own inbox"), async (req, res) => {
    const page = pageOf(req.query, 20);
    const [items, total] = await inbox(ds, familyUser(req).id, page.skip, page.size);
    const zone = await schoolZone(ds);
    res.locals.when = (iso: string | null | undefined) => formatStored(iso, zone);
    res.render("notifications/inbox", {
      title: res.locals.t("notifications.title"),
      items,
      total,
      page: page.page,
      pages: pageCount(total, page.size),
    });
  });

  router.post("/notifications/read", scope.family("a family's own inbox"), async (req, res) => {
    await markAllRead(ds, familyUser(req).id, actorOf(req.session.user));
    res.redirect("/notifications");
  });

  return router;
}
