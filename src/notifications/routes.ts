// One's own notification inbox, a family's or a staff member's: newest first,
// paginated; "mark all read".
import { type Request, Router } from "express";
import type { DataSource } from "typeorm";
import { pageCount, pageOf, scope } from "../http";
import { actorOf } from "../audit";
import { formatStored, schoolZone } from "../kernel";
import { type InboxOwner, inbox } from "./store";
import { markAllRead } from "./service";

const own = () => scope.ownAccount("one's own notification inbox");

// The scope lets only signed-in users in, so the session user is there.
const ownerOf = (req: Request): InboxOwner => {
  const user = req.session.user!;
  return { kind: user.kind, id: user.id };
};

export function notificationRoutes(ds: DataSource): Router {
  const router = Router();

  router.get("/notifications", own(), async (req, res) => {
    const page = pageOf(req.query, 20);
    const [items, total] = await inbox(ds, ownerOf(req), page.skip, page.size);
    const zone = await schoolZone(ds);
    res.locals.when = (iso: string | null | undefined) => formatStored(iso, zone);
    res.render("notifications/inbox", {
      title: res.locals.t("notifications.title"),
      items,
      total,
      page: page.page,
      pages: pageCount(total, page.size),
      emptyKey: req.session.user!.kind === "family" ? "notifications.empty" : "notifications.emptyStaff",
    });
  });

  router.post("/notifications/read", own(), async (req, res) => {
    await markAllRead(ds, ownerOf(req), actorOf(req.session.user));
    res.redirect("/notifications");
  });

  return router;
}
