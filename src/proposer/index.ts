// What other capabilities may use of the proposer: its pure core, and the
// admin's proposal pages (issue 23) with the start-up step that marks runs a
// restart interrupted.
export * from "./core";
export { proposerRoutes } from "./routes";
export { markInterrupted } from "./run-service";
export { proposerEntities } from "./entities";
