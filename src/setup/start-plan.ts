// What `npm start` does with the database it finds, decided before listening so
// tests can drive it without spawning:
// - development, no staff and no student, demo never removed: seed the demo school and serve it;
// - production with demo accounts: refuse to serve (their passwords are public)
//   and say how to remove them;
// - school.setupAt not set: serve first-run setup (a one-time token when there
//   is no admin yet);
// - otherwise serve, with the demo banner while demo accounts exist.
// The demo is never seeded under NODE_ENV=production or beside real people.
import type { DataSource } from "typeorm";
import type { Express } from "express";
import type pino from "pino";
import type { Config } from "../config";
import { createApp } from "../app";
import { isEmptySchool, type DemoLogins } from "./demo-facts";
import { loadDemo, loadDemoActivity } from "./demo-seam";
import { demoPresent, demoStaffCount, DEMO_EMAIL_DOMAIN, DEMO_REMOVED_KEY } from "./demo-rows";
import { Setting } from "../db";
import { adminExists, setupDone } from "./setup-state";
import { issueSetupToken } from "./setup-token";
import { setupGate } from "./setup-routes";
import { demoBanner } from "./demo-banner";

export type StartPlan =
  | { kind: "seeded"; logins: DemoLogins }
  | { kind: "serve"; demo: boolean; logins: DemoLogins | null }
  | { kind: "refuse"; message: string }
  | { kind: "setup"; token: string | null; expiresAt: string | null; demo: boolean };

export async function planStart(ds: DataSource, config: Pick<Config, "production">): Promise<StartPlan> {
  const demo = await demoPresent(ds);
  if (config.production && demo) return { kind: "refuse", message: refusal(await demoStaffCount(ds)) };
  if (!config.production && !demo && await isEmptySchool(ds) && !(await demoWasRemoved(ds))) {
    const { seeded, logins } = await (await loadDemo()).seedDemo(ds);
    // The demo's opt-ins, registers, survey replies, published allocation and homework log, so every page has figures.
    if (seeded) {
      await (await loadDemoActivity()).seedDemoActivity(ds);
      return { kind: "seeded", logins };
    }
  }
  if (!(await setupDone(ds))) {
    // With an admin (kehou create-admin) no token is needed: the admin logs in and lands on the school form.
    if (await adminExists(ds)) return { kind: "setup", token: null, expiresAt: null, demo };
    const { token, expiresAt } = await issueSetupToken(ds, { replace: false });
    return { kind: "setup", token, expiresAt, demo };
  }
  // The demo's logins are printed only while the demo is there (never in production: refused above).
  return { kind: "serve", demo, logins: demo ? (await loadDemo()).demoLogins() : null };
}

function demoWasRemoved(ds: DataSource): Promise<boolean> {
  return ds.getRepository(Setting).existsBy({ key: DEMO_REMOVED_KEY });
}

function refusal(staff: number): string {
  return [
    `Kehou will not serve: this database holds the demo school (${staff} staff accounts at ${DEMO_EMAIL_DOMAIN}, demo family codes and made-up children),`,
    "and the demo passwords are published in the README.",
    "Remove every demo row (audited) with:",
    "  NODE_ENV=production npx kehou demo remove",
    "then start again: with no admin left, the server offers first-run setup.",
  ].join("\n");
}

type AppConfig = Pick<Config, "sessionSecret" | "production" | "logLevel" | "trustProxy"> & Partial<Pick<Config, "publicUrl" | "publicUrlSet" | "port">>;

/** The app a plan serves; null when the plan refuses to serve. */
export function appForPlan(ds: DataSource, config: AppConfig, plan: StartPlan, logger?: pino.Logger): Express | null {
  if (plan.kind === "refuse") return null;
  const startHandlers = [];
  if (plan.kind === "setup") startHandlers.push(setupGate(ds));
  if (plan.kind === "seeded" || plan.demo) startHandlers.push(demoBanner(ds));
  return createApp({ ds, config, logger, startHandlers });
}
