// The audit log, newest first, filterable by action, for admins.
import { Router } from "express";
import { type DataSource, Like } from "typeorm";
import { scope } from "../http/auth/route-scope";
import { AuditEntry } from "../db";
import { pageCount, pageOf } from "../http/pagination";

export function auditRoutes(ds: DataSource): Router {
  const router = Router();
  router.get("/admin/audit", scope.admin(), async (req, res) => {
    const page = pageOf(req.query, 50);
    const action = typeof req.query.action === "string" ? req.query.action.slice(0, 60) : "";
    const where = action ? { action: Like(`${action.replace(/[%_\p{Cc}]/gu, "")}%`) } : {};
    const [entries, total] = await ds.getRepository(AuditEntry).findAndCount({ where, order: { id: "DESC" }, skip: page.skip, take: page.size });
    res.render("audit/list", { title: res.locals.t("audit.title"), entries, action, page: page.page, pages: pageCount(total, page.size), total });
  });
  return router;
}
