// The homework capability's face to the rest of the app: its entity (the policy
// rules read the log) and its tiers. The routes are mounted by src/routes.ts.
export { HomeworkEntry, homeworkEntities } from "./entities";
export { HOMEWORK_TIERS, type HomeworkTier } from "./core";
