// The thresholds form of one rule (/admin/rules/:id/thresholds): the numbers and
// times of its rule file, each with the file's default beside it; saving writes
// the school's override (audited), "back to the defaults" removes it.
import { Router, type Request, type Response } from "express";
import type { DataSource } from "typeorm";
import { HttpError, scope, formBody, type FieldErrors } from "../http";
import { actorOf } from "../audit";
import { parseThresholds, ruleOverride, thresholdFields, type RuleDefinition } from "./core";
import { loadPolicySettings } from "./store/settings";
import { policyRules } from "./rules-registry";
import { saveRuleThresholds } from "./thresholds-service";

const RULE_ID = /^[a-z0-9-]{1,60}$/;

function ruleOf(id: unknown): RuleDefinition {
  const rule = typeof id === "string" && RULE_ID.test(id) ? policyRules().find((r) => r.id === id) : undefined;
  if (!rule || !thresholdFields(rule, {}).length) throw new HttpError(404, "errors.notFound");
  return rule;
}

export function thresholdRoutes(ds: DataSource): Router {
  const router = Router();

  const form = async (
    req: Request,
    res: Response,
    rule: RuleDefinition,
    status = 200,
    errors: FieldErrors = {},
    values?: Record<string, unknown>,
  ) => {
    const { settings } = await loadPolicySettings(ds, policyRules());
    const fields = thresholdFields(rule, settings);
    res.status(status).render("policy/thresholds", {
      title: res.locals.t("policy.thresholds.title", { rule: rule.title[res.locals.locale] }),
      rule,
      fields,
      values: values ?? Object.fromEntries(fields.map((f) => [f.field, String(f.current)])),
      changed: fields.some((f) => f.current !== f.fileDefault),
      errors,
    });
  };

  router.get("/admin/rules/:id/thresholds", scope.admin(), (req, res) => form(req, res, ruleOf(req.params.id)));

  router.post("/admin/rules/:id/thresholds", scope.admin(), async (req, res) => {
    const rule = ruleOf(req.params.id);
    const { settings } = await loadPolicySettings(ds, policyRules());
    const parsed = parseThresholds(rule, settings, formBody(req));
    if ("errors" in parsed) return form(req, res, rule, 400, parsed.errors, formBody(req));
    await saveRuleThresholds(ds, rule, ruleOverride(rule, settings, parsed.parameters), actorOf(req.session.user));
    req.session.flash = { kind: "ok", key: "policy.thresholds.saved" };
    res.redirect(`/admin/rules#rule-${rule.id}`);
  });

  router.post("/admin/rules/:id/thresholds/reset", scope.admin(), async (req, res) => {
    const rule = ruleOf(req.params.id);
    await saveRuleThresholds(ds, rule, null, actorOf(req.session.user));
    req.session.flash = { kind: "ok", key: "policy.thresholds.resetDone" };
    res.redirect(`/admin/rules#rule-${rule.id}`);
  });

  return router;
}
