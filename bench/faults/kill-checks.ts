// What "intact" and "never half-done" mean for each interrupted action, read
// straight from the database after the restart. Each check answers
// "complete", "absent" or "HALF-DONE: why".
import type { DataSource } from "typeorm";
import { In, MoreThan } from "typeorm";
import { AuditEntry, Club, Family, Student } from "../../src/db/entities";
import { AllocationPublication, AllocationRun, ClubPlacement, WaitlistEntry } from "../../src/allocation/entities";
import { ImportBatch } from "../../src/school/entities";

export type Outcome = string;

// Placements (and waitlist lengths) equal a run's result exactly: the publish flip copied all of it.
export async function placementsMatch(ds: DataSource, roundId: number, runId: number): Promise<string | null> {
  const run = await ds.getRepository(AllocationRun).findOneByOrFail({ id: runId });
  const result = JSON.parse(run.result) as {
    assignments: Record<string, string[]>;
    waitlists: Record<string, string[]>;
  };
  const numberOf = new Map(
    (await ds.getRepository(Student).find({ select: { id: true, studentNumber: true } })).map((s) => [
      s.id,
      s.studentNumber,
    ]),
  );
  const codeOf = new Map(
    (await ds.getRepository(Club).find({ select: { id: true, code: true } })).map((c) => [c.id, c.code]),
  );
  const want = new Set(Object.entries(result.assignments).flatMap(([n, clubs]) => clubs.map((c) => `${n}|${c}`)));
  const have = new Set(
    (await ds.getRepository(ClubPlacement).findBy({ roundId })).map(
      (p) => `${numberOf.get(p.studentId)}|${codeOf.get(p.clubId)}`,
    ),
  );
  const waiting = Object.values(result.waitlists).reduce((n, l) => n + l.length, 0);
  const waitRows = await ds.getRepository(WaitlistEntry).countBy({ roundId });
  if (want.size !== have.size || [...want].some((k) => !have.has(k)))
    return `placements ${have.size} ≠ run ${runId}'s ${want.size}`;
  if (waiting !== waitRows) return `waitlist rows ${waitRows} ≠ run ${runId}'s ${waiting}`;
  return null;
}

export async function publishedIntact(ds: DataSource, roundId: number, runId: number): Promise<string | null> {
  const pub = await ds.getRepository(AllocationPublication).findOneBy({ roundId });
  if (pub?.runId !== runId) return `publication points at run ${pub?.runId}, not ${runId}`;
  return placementsMatch(ds, roundId, runId);
}

/** (a) A run row exists only whole: parseable result, a summary, and its audit entry. */
export async function checkRun(ds: DataSource, afterRunId: number, afterAuditId: number): Promise<Outcome> {
  const runs = await ds.getRepository(AllocationRun).findBy({ id: MoreThan(afterRunId) });
  const audits = await ds.getRepository(AuditEntry).findBy({ id: MoreThan(afterAuditId), action: "allocation.run" });
  if (runs.length === 0 && audits.length === 0) return "absent";
  if (runs.length !== 1 || audits.length !== 1 || audits[0].entityId !== String(runs[0].id))
    return `HALF-DONE: ${runs.length} run rows, ${audits.length} audit rows`;
  try {
    JSON.parse(runs[0].result);
    JSON.parse(runs[0].instance);
  } catch {
    return "HALF-DONE: run row with unparseable result";
  }
  return runs[0].summary?.students > 0 ? "complete" : "HALF-DONE: run row without summary";
}

/** (b) All rows of the batch or none, and the batch's status and audit agree. */
export async function checkImport(
  ds: DataSource,
  batchId: number,
  numbers: string[],
  familyKeys: string[],
): Promise<Outcome> {
  const students = await ds.getRepository(Student).countBy({ studentNumber: In(numbers) });
  const families = await ds.getRepository(Family).countBy({ familyKey: In(familyKeys) });
  const batch = await ds.getRepository(ImportBatch).findOneBy({ id: batchId });
  const audit = await ds.getRepository(AuditEntry).countBy({ action: "import.students", entityId: String(batchId) });
  const state = `${students}/${numbers.length} students, ${families}/${familyKeys.length} families, batch ${batch?.status}, audit ${audit}`;
  if (students === numbers.length && families === familyKeys.length && batch?.status === "committed" && audit === 1)
    return "complete";
  if (students === 0 && families === 0 && batch?.status === "pending" && audit === 0) return "absent";
  return `HALF-DONE: ${state}`;
}

/** (c) The publication row and the placements agree on one run, and the audit says which. */
export async function checkPublish(
  ds: DataSource,
  roundId: number,
  target: number,
  previous: number,
  afterAuditId: number,
): Promise<Outcome> {
  const pub = await ds.getRepository(AllocationPublication).findOneBy({ roundId });
  const audits = await ds
    .getRepository(AuditEntry)
    .countBy({ id: MoreThan(afterAuditId), action: "allocation.publish" });
  if (pub?.runId !== target && pub?.runId !== previous) return `HALF-DONE: publication points at run ${pub?.runId}`;
  const mismatch = await placementsMatch(ds, roundId, pub.runId);
  if (mismatch) return `HALF-DONE: publication → run ${pub.runId} but ${mismatch}`;
  if ((pub.runId === target) !== (audits === 1))
    return `HALF-DONE: publication → run ${pub.runId}, ${audits} publish audit rows`;
  return pub.runId === target ? "complete" : "absent";
}
