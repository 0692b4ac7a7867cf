// A family's notification inbox: newest first, paginated; "mark all read".
import { Router } from "express";
import type { DataSource } from "typeorm";
import { familyUser } from "../http/auth/guards";
import { scope } from "../http/auth/route-scope";
import { actorOf } from "../audit/audit-service";
import { pageCount, pageOf } from "../http/pagination";
import { inbox, markAllRead } from "./store";

export function notificationRoutes(ds: DataSource): Router {
  const router = Router();

  router.get("/notifications", scope.family("a family's own inbox"), async (req, res) => {
    const page = pageOf(req.query, 20);
    const [items, total] = await inbox(ds, familyUser(req).id, page.skip, page.size);
    res.render("notifications/inbox", { title: res.locals.t("notifications.title"), items, total, page: page.page, pages: pageCount(total, page.size) });
  });

  router.post("/notifications/read", scope.family("a family's own inbox"), async (req, res) => {
    await markAllRead(ds, familyUser(req).id, actorOf(req.session.user));
    res.redirect("/notifications");
  });

  return router;
}
