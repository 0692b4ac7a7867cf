// Routes of this capability (registered in src/routes.ts): the admin's compliance
// page (violations with links to fix them) and the rules page (each rule and its status).
import { Router } from "express";
import type { DataSource } from "typeorm";
import { z } from "zod";
import { HttpError, pageCount, pageOf, scope } from "../http";
import { filterViolations, groupViolations, summarizeRules, thresholdFields, type ViolationFilter } from "./core";
import { runCurrentPolicy } from "./service";
import { formatParameter, violationRow } from "./compliance-page";
import { childNames, childrenRow } from "./child-rows-page";
import { policyRules } from "./rules-registry";
import { thresholdRoutes } from "./thresholds-routes";

const GROUP_LIMIT = 20;
const PAGE_SIZE = 50;
const CHILD_LIMIT = 20;

const optionalInt = (min: number, max: number) =>
  z
    .union([z.literal(""), z.coerce.number().int().min(min).max(max)])
    .optional()
    .transform((v) => (v === "" ? undefined : v));

const complianceQuery = z.object({
  by: z.enum(["rule", "grade", "day"]).default("rule"),
  rule: z
    .union([z.literal(""), z.string().regex(/^[a-z0-9-]{1,60}$/)])
    .optional()
    .transform((v) => v || undefined),
  grade: optionalInt(1, 12),
  weekday: optionalInt(1, 7),
  severity: z
    .union([z.literal(""), z.enum(["error", "warning"])])
    .optional()
    .transform((v) => v || undefined),
  page: z.string().optional(),
});

export function policyRoutes(ds: DataSource): Router {
  const router = Router();

  router.get("/admin/compliance", scope.admin(), async (req, res) => {
    const parsed = complianceQuery.safeParse(req.query);
    if (!parsed.success)
      throw new HttpError(400, "policy.badFilter", { field: String(parsed.error.issues[0]?.path[0] ?? "") });
    const query = parsed.data;
    const locale = res.locals.locale;
    const title = res.locals.t("policy.compliance.title");
    const run = await runCurrentPolicy(ds);
    if (!run) return res.render("policy/compliance", { title, run: null, query, groups: [] });
    const filter: ViolationFilter = {
      rule: query.rule,
      grade: query.grade,
      weekday: query.weekday,
      severity: query.severity,
    };
    const shown = filterViolations(run.violations, filter);
    const ruleOrder = run.summary.map((s) => s.id);
    // One group on screen (a filter narrowed it down): page through all its rows; several: the first few each.
    const groups = groupViolations(shown, query.by, ruleOrder);
    const single = groups.length === 1;
    const page = pageOf(req.query, PAGE_SIZE);
    // One per-child finding on screen: the page turns through its children instead of its rows.
    const oneFinding = single && groups[0].violations.length === 1 ? groups[0].violations[0] : undefined;
    const childPages = oneFinding?.target.children ? pageCount(oneFinding.target.children.length, PAGE_SIZE) : 0;
    const names = childNames(run.input.children ?? []);
    const view = groups.map((g) => {
      const rows =
        single && !childPages
          ? g.violations.slice(page.skip, page.skip + PAGE_SIZE)
          : g.violations.slice(0, GROUP_LIMIT);
      return {
        ...g,
        rows: rows.map((v) => ({
          ...violationRow(v, locale, run.staffNumbers),
          children: childrenRow(v, names, childPages ? page.skip : 0, childPages ? PAGE_SIZE : CHILD_LIMIT),
        })),
        more: single ? 0 : g.violations.length - rows.length,
      };
    });
    res.render("policy/compliance", {
      title,
      run,
      query,
      groups: view,
      shown: shown.length,
      titles: new Map(run.summary.map((s) => [s.id, s.title[locale]])),
      grades: run.input.grades,
      errors: run.violations.filter((v) => v.severity === "error").length,
      warnings: run.violations.filter((v) => v.severity === "warning").length,
      childPaging: childPages > 0,
      page: page.page,
      pages: childPages || (single ? pageCount(groups[0].violations.length, PAGE_SIZE) : 1),
    });
  });

  router.get("/admin/rules", scope.admin(), async (_req, res) => {
    const locale = res.locals.locale;
    const run = await runCurrentPolicy(ds);
    const rules = run?.rules ?? policyRules();
    // Without a current term there is nothing to check: the rules show with no status.
    const summary = run?.summary ?? summarizeRules(rules, []);
    res.render("policy/rules", {
      title: res.locals.t("policy.rules.title"),
      run,
      settingProblems: run?.settingProblems ?? [],
      rules: summary.map((s) => ({
        ...s,
        description: rules.find((r) => r.id === s.id)?.description?.[locale] ?? "",
        editable: rules.some((r) => r.id === s.id && thresholdFields(r, {}).length > 0),
        parameterText: Object.entries(s.parameters).map(([name, value]) => ({
          name,
          text: formatParameter(value, locale),
        })),
      })),
    });
  });

  router.use(thresholdRoutes(ds));
  return router;
}
