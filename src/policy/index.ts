// What other capabilities may use of policy: the pure core (rules as data, facts,
// evaluation, the homework rule, the grid's inline findings), the checks with the
// project's rule files, and the runs over the database (the compliance pages, the
// timetable grid, publishing and the homework form all share one kept run).
export * from "./core";
// The school calendar is the kernel's; policy passes it on to its callers.
export { schoolDays, isoWeekday, type ServiceDay as SchoolDay } from "../kernel/core";
export { checkHomeworkDay, checkPolicy, evaluatePolicy, type EvaluateOptions } from "./checks";
export { defaultRulesDir, loadRuleFile, loadRules, projectRoot } from "./rule-files";
export { assertRulesLoad, policyRules, useRulesDir } from "./rules-registry";
export { loadPolicyInput, type PolicyData, type PolicyInputOptions } from "./store/policy-input";
export { loadPolicySettings } from "./store/settings";
export type { PendingRound } from "./store/club-sizes";
export { runCurrentPolicy, runPolicy, policyCounts, type PolicyRun, type PolicyCounts } from "./service";
export { policyBlockers, type PolicyBlockers } from "./blockers-service";
export { policyRoutes } from "./routes";
