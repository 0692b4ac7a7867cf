// Runs the policy core over the database: one call builds the input and evaluates it.
// The timetable grid, the compliance and rules pages and the publish pages all ask for
// the same run; building it reads the whole term (homework log and every child's days
// and seats included), so a run is kept until a table it reads changes (tableVersions,
// from any connection or instance) or the school's date moves; writes elsewhere
// (sessions, audit lines, registers, choices) keep it. Where the database cannot tell,
// any write moves changeStamp and the input is read again.
// Most writes (a family's choices, a session touched) leave the policy's input as it
// was: then the input is read again but not evaluated again (its hash is the same),
// which is most of the cost (demo school: ~25 ms to read, ~50 ms to evaluate).
import { createHash } from "node:crypto";
import type { DataSource } from "typeorm";
import { changeStamp, currentTerm, tableVersions } from "../db";
import { schoolToday } from "../kernel";
import type { RuleDefinition, RuleSummary, Violation } from "./core";
import { checkPolicy } from "./checks";
import { loadPolicyInput, type PolicyData, type PolicyInputOptions } from "./store/policy-input";
import { policyRules } from "./rules-registry";

export interface PolicyRun extends PolicyData {
  rules: RuleDefinition[];
  violations: Violation[];
  summary: RuleSummary[];
}

interface Kept {
  stamp: string;
  rules: RuleDefinition[];
  run: Promise<PolicyRun>;
}
interface Evaluated {
  hash: string;
  rules: RuleDefinition[];
  report: Promise<Pick<PolicyRun, "violations" | "summary">>;
}
const kept = new WeakMap<DataSource, Map<string, Kept>>();
const evaluated = new WeakMap<DataSource, Map<string, Evaluated>>();

async function evaluate(
  ds: DataSource,
  termId: number,
  options: PolicyInputOptions,
  rules: RuleDefinition[],
  key?: string,
): Promise<PolicyRun> {
  const data = await loadPolicyInput(ds, termId, options);
  if (!key) return { ...data, rules, ...(await checkPolicy(data.input, { rules })) };
  const hash = createHash("sha1").update(JSON.stringify(data.input)).digest("hex");
  const reports = evaluated.get(ds) ?? new Map<string, Evaluated>();
  evaluated.set(ds, reports);
  const hit = reports.get(key);
  if (hit && hit.hash === hash && hit.rules === rules) return { ...data, rules, ...(await hit.report) };
  const report = checkPolicy(data.input, { rules });
  reports.set(key, { hash, rules, report });
  report.catch(() => {
    if (reports.get(key)?.report === report) reports.delete(key);
  });
  return { ...data, rules, ...(await report) };
}

// Every table loadPolicyInput reads, itself or through the kernel, the timetable reader and the ledger.
const POLICY_TABLES = [
  "allocation_publication",
  "calendar_day",
  "choice_round",
  "club",
  "daily_sport",
  "homework_entry",
  "membership",
  "period",
  "school_class",
  "service_enrollment",
  "setting",
  "staff",
  "student",
  "term",
  "timetable",
  "timetable_entry",
  "venue",
];

// Club sizes are counted on the school's today: a new day is a new input too.
async function inputStamp(ds: DataSource): Promise<string | null> {
  const tables = await tableVersions(ds, POLICY_TABLES);
  if (tables !== null) return `t:${tables}|${await schoolToday(ds)}`;
  const stamp = await changeStamp(ds);
  return stamp === null ? null : `c:${stamp}`;
}

/** The run for a term; callers share it, so they must not change what it returns. */
export async function runPolicy(ds: DataSource, termId: number, options: PolicyInputOptions = {}): Promise<PolicyRun> {
  const rules = policyRules();
  // A pending allocation run is checked once, just before it is published: nothing to share.
  if (options.pending) return evaluate(ds, termId, options, rules);
  const key = `${termId}|${options.timetable ?? "draft"}|${options.sizes ?? true}`;
  const stamp = await inputStamp(ds);
  if (stamp === null) return evaluate(ds, termId, options, rules, key);
  const runs = kept.get(ds) ?? new Map<string, Kept>();
  kept.set(ds, runs);
  const hit = runs.get(key);
  if (hit && hit.stamp === stamp && hit.rules === rules) return hit.run;
  // Concurrent requests with the same stamp wait for one evaluation; a failed one is not kept.
  const run = evaluate(ds, termId, options, rules, key);
  runs.set(key, { stamp, rules, run });
  run.catch(() => {
    if (runs.get(key)?.run === run) runs.delete(key);
  });
  return run;
}

/** The current term's run, or null when no term is current yet. */
export async function runCurrentPolicy(
  ds: DataSource,
): Promise<(PolicyRun & { termId: number; termName: string }) | null> {
  const term = await currentTerm(ds);
  if (!term) return null;
  return { ...(await runPolicy(ds, term.id)), termId: term.id, termName: term.name };
}
