// Writes to the homework log. Each change is audit-logged in the same transaction,
// with the policy warnings the teacher saw and saved anyway.
import type { DataSource } from "typeorm";
import { nowIso, inTransaction } from "../db";
import { type Actor, recordAudit } from "../audit/audit-service";
import type { Violation } from "../policy";
import { HomeworkEntry } from "./entities";
import type { HomeworkFormData } from "./homework-form";
import { acknowledged } from "./homework-check";

const details = (e: HomeworkEntry, violations: Violation[]) => ({
  classId: e.classId, date: e.date, subject: e.subject, tier: e.tier, written: e.written, minutes: e.minutes,
  ...(violations.length ? { acknowledged: acknowledged(violations) } : {}),
});

// A reason on the audit line when rules were overridden, so the log reads on its own.
const reasonOf = (violations: Violation[]) =>
  violations.length ? `saved despite: ${[...new Set(violations.map((v) => v.ruleId))].join(", ")}` : null;

export async function createHomework(ds: DataSource, data: HomeworkFormData, staffId: number, violations: Violation[], actor: Actor): Promise<HomeworkEntry> {
  return inTransaction(ds, async (em) => {
    const repo = em.getRepository(HomeworkEntry);
    const now = nowIso();
    const entry = await repo.save(repo.create({ ...data, staffId, createdAt: now, updatedAt: now }));
    await recordAudit(em, actor, { action: "homework.create", entity: "homework", entityId: entry.id, details: details(entry, violations), reason: reasonOf(violations) });
    return entry;
  });
}

export async function updateHomework(ds: DataSource, id: number, data: HomeworkFormData, violations: Violation[], actor: Actor): Promise<HomeworkEntry | null> {
  return inTransaction(ds, async (em) => {
    const repo = em.getRepository(HomeworkEntry);
    const entry = await repo.findOneBy({ id });
    if (!entry) return null;
    Object.assign(entry, data, { updatedAt: nowIso() });
    await repo.save(entry);
    await recordAudit(em, actor, { action: "homework.update", entity: "homework", entityId: id, details: details(entry, violations), reason: reasonOf(violations) });
    return entry;
  });
}

export async function deleteHomework(ds: DataSource, id: number, actor: Actor): Promise<HomeworkEntry | null> {
  return inTransaction(ds, async (em) => {
    const repo = em.getRepository(HomeworkEntry);
    const entry = await repo.findOneBy({ id });
    if (!entry) return null;
    await repo.delete({ id });
    await recordAudit(em, actor, { action: "homework.delete", entity: "homework", entityId: id, details: details(entry, []) });
    return entry;
  });
}
