// The development start's demo step, run by the demo's own entry point
// (`node dist/seeds/cli.js start`, before `npm start` serves) and never by the
// server: on an empty development database whose demo was never removed
// (src/setup's demoMayBeSeeded), seed the demo school with its activity (opt-ins,
// registers, survey replies, published allocation, homework log) and its open
// top-up round (seeds/demo-open-round.ts: families can try the choice form at
// once), so every page has figures. Never under NODE_ENV=production.
import type { DataSource } from "typeorm";
import type { Config } from "../src/config";
import { demoMayBeSeeded, planStart as serverPlan, type DemoLogins, type StartPlan } from "../src/setup";
import { demoLogins, seedDemo } from "./demo";
import { seedDemoActivity } from "./demo-activity";
import { seedDemoOpenRound } from "./demo-open-round";

/** Seeds the demo where it may be; the logins when it was seeded now, or null. */
export async function seedStep(ds: DataSource, config: Pick<Config, "production">): Promise<DemoLogins | null> {
  if (!(await demoMayBeSeeded(ds, config))) return null;
  const { seeded, logins } = await seedDemo(ds);
  if (!seeded) return null;
  await seedDemoActivity(ds);
  await seedDemoOpenRound(ds);
  return logins;
}

/**
 * The whole development start in one call, as `npm start` runs it (the seed step,
 * then the server's plan), with the demo's logins when the demo is there.
 */
export async function planStart(ds: DataSource, config: Pick<Config, "production">): Promise<StartPlan> {
  const seeded = await seedStep(ds, config);
  if (seeded) return { kind: "seeded", logins: seeded };
  const plan = await serverPlan(ds, config);
  return plan.kind === "serve" && plan.demo ? { ...plan, logins: demoLogins() } : plan;
}
