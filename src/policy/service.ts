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
// While the policy's tables are being written, every request would see a new stamp
// and start a run of its own: 20 admins' homes at once were 20 runs side by side,
// each slower for the others (bench/pages/admin-home: 1 req/s, p99 7 s). So runs
// of one key queue (run-line.ts): one runs, and everyone who asks meanwhile waits
// for ONE more, started when it ends. That is as fresh as a run of one's own: the run a caller
// gets began after the caller asked (or is labelled with the very stamp the caller
// saw), so it has read every write committed before the question.
import { createHash } from "node:crypto";
import type { DataSource } from "typeorm";
import { changeStamp, currentTerm, tableVersions } from "../db";
import { schoolToday } from "../kernel";
import type { RuleDefinition, RuleSummary, Violation } from "./core";
import { checkPolicy } from "./checks";
import { loadPolicyInput, type PolicyData, type PolicyInputOptions } from "./store/policy-input";
import { policyRules } from "./rules-registry";
import { RunLine } from "./run-line";

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

const lines = new WeakMap<DataSource, Map<string, RunLine<PolicyRun>>>();

/** The last run that finished, per key: what it read (its stamp) and when it began reading. */
interface Finished {
  stamp: string;
  startedAt: number;
  run: PolicyRun;
}
const finished = new WeakMap<DataSource, Map<string, Finished>>();

function lineOf(ds: DataSource, key: string): RunLine<PolicyRun> {
  const all = lines.get(ds) ?? new Map<string, RunLine<PolicyRun>>();
  lines.set(ds, all);
  const line = all.get(key) ?? new RunLine<PolicyRun>();
  all.set(key, line);
  return line;
}

/** The kept run when its stamp is `stamp`, else a new run kept under `stamp`. */
function keptOrNew(
  ds: DataSource,
  termId: number,
  options: PolicyInputOptions,
  key: string,
  stamp: string,
): Promise<PolicyRun> {
  const rules = policyRules();
  const runs = kept.get(ds) ?? new Map<string, Kept>();
  kept.set(ds, runs);
  const hit = runs.get(key);
  if (hit && hit.stamp === stamp && hit.rules === rules) return hit.run;
  // Concurrent requests with the same stamp wait for one evaluation; a failed one is not kept.
  const startedAt = Date.now();
  const run = evaluate(ds, termId, options, rules, key);
  runs.set(key, { stamp, rules, run });
  run.then(
    (value) => {
      const all = finished.get(ds) ?? new Map<string, Finished>();
      finished.set(ds, all);
      if ((all.get(key)?.startedAt ?? 0) <= startedAt) all.set(key, { stamp, startedAt, run: value });
    },
    () => {
      if (runs.get(key)?.run === run) runs.delete(key);
    },
  );
  return run;
}

/** The run for a term; callers share it, so they must not change what it returns. */
export async function runPolicy(ds: DataSource, termId: number, options: PolicyInputOptions = {}): Promise<PolicyRun> {
  // A pending allocation run is checked once, just before it is published: nothing to share.
  if (options.pending) return evaluate(ds, termId, options, policyRules());
  const key = `${termId}|${options.timetable ?? "draft"}|${options.sizes ?? true}`;
  const stamp = await inputStamp(ds);
  if (stamp === null) return evaluate(ds, termId, options, policyRules(), key);
  const hit = kept.get(ds)?.get(key);
  if (hit && hit.stamp === stamp && hit.rules === policyRules()) return hit.run;
  // A run that starts later takes the stamp of its own start: writes may have come since this caller's.
  const later = async () => {
    const now = await inputStamp(ds);
    return now === null ? evaluate(ds, termId, options, policyRules(), key) : keptOrNew(ds, termId, options, key, now);
  };
  return lineOf(ds, key).run(() => keptOrNew(ds, termId, options, key, stamp), later);
}

/** The current term's run, or null when no term is current yet. */
export async function runCurrentPolicy(
  ds: DataSource,
): Promise<(PolicyRun & { termId: number; termName: string }) | null> {
  const term = await currentTerm(ds);
  if (!term) return null;
  return { ...(await runPolicy(ds, term.id)), termId: term.id, termName: term.name };
}

/**
 * How long a to-do list may show the last finished run's counts, without waiting
 * for a new run, after a policy table changed. See policyCounts.
 */
export const COUNTS_FRESH_MS = 5_000;

export interface PolicyCounts {
  errors: number;
  warnings: number;
  /** When the counts are from a run that read the database before its latest change: when that run began. */
  checkedAt: string | null;
}

const countsOf = (run: PolicyRun) => ({
  errors: run.violations.filter((v) => v.severity === "error").length,
  warnings: run.violations.filter((v) => v.severity !== "error").length,
});

/**
 * The current term's error and warning counts for the admin home's to-do list.
 * The home is a pointer to the compliance page, not a gate (publishing and the
 * compliance pages always ask runPolicy, which is exact), so while the policy's
 * tables are being written it does not wait for a new run per request: a run
 * that began reading at most COUNTS_FRESH_MS ago answers, and checkedAt says
 * when it read, so the page never passes an older figure off as current.
 * Nothing written since that run: its counts are exact (checkedAt null). Older
 * than that: a new run, so under steady writes the home costs one run per
 * COUNTS_FRESH_MS, not one per request (each run blocks the event loop for its
 * evaluation: bench/pages/admin-home).
 */
export async function policyCounts(ds: DataSource, now = Date.now()): Promise<PolicyCounts | null> {
  const term = await currentTerm(ds);
  if (!term) return null;
  const last = finished.get(ds)?.get(`${term.id}|draft|true`);
  if (last && last.run.rules === policyRules() && now - last.startedAt < COUNTS_FRESH_MS) {
    const stamp = await inputStamp(ds);
    if (stamp !== null)
      return {
        ...countsOf(last.run),
        checkedAt: stamp === last.stamp ? null : new Date(last.startedAt).toISOString(),
      };
  }
  return { ...countsOf(await runPolicy(ds, term.id)), checkedAt: null };
}
