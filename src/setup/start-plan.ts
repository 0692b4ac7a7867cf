// What `npm start` does with the database it finds, decided before listening so
// tests can drive it without spawning:
// - production with demo accounts: refuse to serve (their passwords are public)
//   and say how to remove them;
// - school.setupAt not set: serve first-run setup (a one-time token when there
//   is no admin yet);
// - otherwise serve, with the demo banner while demo accounts exist.
// Seeding the demo school is not the server's: the development start runs the
// demo's own entry point first (seeds/cli.ts start), which seeds only where
// `demoMayBeSeeded` says so (development, no staff and no student, demo never
// removed). The server never loads seeds/.
import type { DataSource } from "typeorm";
import type { Express } from "express";
import type pino from "pino";
import type { Config } from "../config";
import { createApp } from "../app";
import { DEMO_EMAIL_DOMAIN, type StartPlan } from "./core";
import { demoPresent, demoStaffCount, demoWasRemoved, isEmptySchool, adminExists, setupDone } from "./store";
import { issueSetupToken } from "./setup-token";
import { setupGate } from "./routes";
import { demoBanner } from "./demo-banner";

export type { StartPlan } from "./core";

/** The demo may be seeded only into an empty development database whose demo was never removed. */
export async function demoMayBeSeeded(ds: DataSource, config: Pick<Config, "production">): Promise<boolean> {
  return !config.production && !(await demoPresent(ds)) && (await isEmptySchool(ds)) && !(await demoWasRemoved(ds));
}

/** The server's plan; "serve" carries no logins (only the demo's entry point knows them). */
export async function planStart(ds: DataSource, config: Pick<Config, "production">): Promise<StartPlan> {
  const demo = await demoPresent(ds);
  if (config.production && demo) return { kind: "refuse", message: refusal(await demoStaffCount(ds)) };
  if (!(await setupDone(ds))) {
    // With an admin (kehou create-admin) no token is needed: the admin logs in and lands on the school form.
    if (await adminExists(ds)) return { kind: "setup", token: null, expiresAt: null, demo };
    const { token, expiresAt } = await issueSetupToken(ds, { replace: false });
    return { kind: "setup", token, expiresAt, demo };
  }
  return { kind: "serve", demo, logins: null };
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

type AppConfig = Pick<Config, "sessionSecret" | "production" | "logLevel" | "trustProxy"> &
  Partial<Pick<Config, "publicUrl" | "publicUrlSet" | "port">>;

/** The app a plan serves; null when the plan refuses to serve. */
export function appForPlan(ds: DataSource, config: AppConfig, plan: StartPlan, logger?: pino.Logger): Express | null {
  if (plan.kind === "refuse") return null;
  const startHandlers = [];
  if (plan.kind === "setup") startHandlers.push(setupGate(ds));
  if (plan.kind === "seeded" || plan.demo) startHandlers.push(demoBanner(ds));
  return createApp({ ds, config, logger, startHandlers });
}
