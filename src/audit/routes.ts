// The audit log, newest first, filterable by action, for admins.
import { Router } from "express";
import type { DataSource } from "typeorm";
import { pageCount, pageOf, scope } from "../http";
import { auditPage } from "./store";

export function auditRoutes(ds: DataSource): Router {
  const router = Router();
  router.get("/admin/audit", scope.admin(), async (req, res) => {
    const page = pageOf(req.query, 50);
    const action = typeof req.query.action === "string" ? req.query.action.slice(0, 60) : "";
    const { entries, total } = await auditPage(ds, action, page.skip, page.size);
    res.render("audit/list", {
      title: res.locals.t("audit.title"),
      entries,
      action,
      page: page.page,
      pages: pageCount(total, page.size),
      total,
    });
  });
  return router;
}
