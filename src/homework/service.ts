// Writes to the homework log. Each change is audit-logged in the same transaction,
// with the policy warnings the teacher saw and saved anyway. And the form's early
// warning, asked of the policy rules before saving.
import type { DataSource } from "typeorm";
import { currentTerm, nowIso, inTransaction } from "../db";
import { type Actor, recordAudit } from "../audit";
import { checkHomeworkDay, loadPolicyInput, policyRules, type Violation } from "../policy";
import type { HomeworkEntry } from "./entities";
import type { HomeworkFormData } from "./homework-form";
import { deleteHomeworkRow, homeworkById, insertHomework, saveHomework } from "./store";

/**
 * The early warning on the homework form: what the rules say about the class's day once
 * this entry is saved. It checks against the published timetable (what actually runs);
 * before anything is published, against the draft.
 */
export async function checkHomeworkDraft(
  ds: DataSource,
  data: HomeworkFormData & { grade: number },
  existingId?: number,
): Promise<Violation[]> {
  const term = await currentTerm(ds);
  if (!term) return [];
  const { input } = await loadPolicyInput(ds, term.id, { timetable: "published", sizes: false });
  return checkHomeworkDay(
    input,
    {
      ...(existingId !== undefined ? { id: String(existingId) } : {}),
      classId: String(data.classId),
      grade: data.grade,
      date: data.date,
      subject: data.subject,
      tier: data.tier,
      written: data.written,
      minutes: data.minutes,
    },
    { rules: policyRules() },
  );
}

/** The warnings the user acknowledged, as the audit log records them. */
const acknowledged = (violations: Violation[]) => violations.map((v) => ({ ruleId: v.ruleId, severity: v.severity }));

const details = (e: HomeworkEntry, violations: Violation[]) => ({
  classId: e.classId,
  date: e.date,
  subject: e.subject,
  tier: e.tier,
  written: e.written,
  minutes: e.minutes,
  ...(violations.length ? { acknowledged: acknowledged(violations) } : {}),
});

// A reason on the audit line when rules were overridden, so the log reads on its own.
const reasonOf = (violations: Violation[]) =>
  violations.length ? `saved despite: ${[...new Set(violations.map((v) => v.ruleId))].join(", ")}` : null;

export async function createHomework(
  ds: DataSource,
  data: HomeworkFormData,
  staffId: number,
  violations: Violation[],
  actor: Actor,
): Promise<HomeworkEntry> {
  return inTransaction(ds, async (em) => {
    const now = nowIso();
    const entry = await insertHomework(em, { ...data, staffId, createdAt: now, updatedAt: now });
    await recordAudit(em, actor, {
      action: "homework.create",
      entity: "homework",
      entityId: entry.id,
      details: details(entry, violations),
      reason: reasonOf(violations),
    });
    return entry;
  });
}

export async function updateHomework(
  ds: DataSource,
  id: number,
  data: HomeworkFormData,
  violations: Violation[],
  actor: Actor,
): Promise<HomeworkEntry | null> {
  return inTransaction(ds, async (em) => {
    const entry = await homeworkById(em, id);
    if (!entry) return null;
    Object.assign(entry, data, { updatedAt: nowIso() });
    await saveHomework(em, entry);
    await recordAudit(em, actor, {
      action: "homework.update",
      entity: "homework",
      entityId: id,
      details: details(entry, violations),
      reason: reasonOf(violations),
    });
    return entry;
  });
}

export async function deleteHomework(ds: DataSource, id: number, actor: Actor): Promise<HomeworkEntry | null> {
  return inTransaction(ds, async (em) => {
    const entry = await homeworkById(em, id);
    if (!entry) return null;
    await deleteHomeworkRow(em, id);
    await recordAudit(em, actor, {
      action: "homework.delete",
      entity: "homework",
      entityId: id,
      details: details(entry, []),
    });
    return entry;
  });
}
