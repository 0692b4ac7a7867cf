// The early warning on the homework form: what the rules say about the class's day once
// this entry is saved. It checks against the published timetable (what actually runs);
// before anything is published, against the draft.
import type { DataSource } from "typeorm";
import { checkHomeworkDay, type Violation, loadPolicyInput, policyRules } from "../policy";
import { currentTerm } from "../db";
import type { HomeworkFormData } from "./homework-form";

export async function checkHomeworkDraft(ds: DataSource, data: HomeworkFormData & { grade: number }, existingId?: number): Promise<Violation[]> {
  const term = await currentTerm(ds);
  if (!term) return [];
  const { input } = await loadPolicyInput(ds, term.id, { timetable: "published", sizes: false });
  return checkHomeworkDay(input, {
    ...(existingId !== undefined ? { id: String(existingId) } : {}),
    classId: String(data.classId), grade: data.grade, date: data.date,
    subject: data.subject, tier: data.tier, written: data.written, minutes: data.minutes,
  }, { rules: policyRules() });
}

/** The warnings the user acknowledged, as the audit log records them. */
export const acknowledged = (violations: Violation[]) =>
  violations.map((v) => ({ ruleId: v.ruleId, severity: v.severity }));
