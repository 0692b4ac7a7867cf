// What others may use of setup: the start plan and its message (src/server.ts),
// the demo facts and checks the demo's own entry point (seeds/cli.ts) relies on,
// and `kehou setup-token`.
export * from "./core";
export { planStart, appForPlan, demoMayBeSeeded } from "./start-plan";
export { adminExists, demoPresent, demoMarked, isEmptySchool } from "./store";
export { setupTokenCommand } from "./cli";
