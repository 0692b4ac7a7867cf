// The homework form's early warning: what the class's day would look like once this entry is saved.
import { applySettings, runRules } from "./evaluate";
import { buildFacts } from "./facts";
import type { RuleDefinition } from "./rule-schema";
import type { FactKind, HomeworkEntry, PolicyInput, Violation, ViolationTarget } from "./types";

export type HomeworkDraft = Omit<HomeworkEntry, "id"> & { id?: string };

const HOMEWORK_KINDS: FactKind[] = ["classDate", "gradeDay", "homework"];

/**
 * The violations on the draft's class-date, grade-day and the draft itself, with the draft
 * saved (a draft with an existing id replaces that entry). Empty means the form may save quietly.
 */
export async function checkHomeworkDraft(
  input: PolicyInput,
  draft: HomeworkDraft,
  definitions: RuleDefinition[],
): Promise<Violation[]> {
  const entry: HomeworkEntry = { ...draft, id: draft.id ?? "draft" };
  const grade = input.classes.find((c) => c.id === entry.classId)?.grade ?? entry.grade;
  const inDay = (d: string) => d === entry.date;
  // Only that date matters: narrowing the term keeps the check fast on a full term's log.
  const inTerm = entry.date >= input.term.startDate && entry.date <= input.term.endDate;
  const narrowed: PolicyInput = {
    ...input,
    term: { ...input.term, startDate: entry.date, endDate: entry.date },
    // Outside the term there is no service day, so no grade-day to check.
    grades: inTerm ? input.grades.filter((g) => g === grade) : [],
    homework: [...input.homework.filter((h) => h.id !== entry.id && inDay(h.date)), entry],
  };
  const rules = applySettings(definitions, input.settings).filter((r) => HOMEWORK_KINDS.includes(r.appliesTo));
  const kinds = [...new Set(rules.filter((r) => r.enabled).map((r) => r.appliesTo))];
  const violations = await runRules(rules, buildFacts(narrowed, kinds));
  return violations.filter((v) => touchesDraft(v.target, entry, grade));
}

function touchesDraft(t: ViolationTarget, entry: HomeworkEntry, grade: number): boolean {
  if (t.kind === "homework") return t.homeworkId === entry.id;
  if (t.kind === "class-date") return t.classId === entry.classId && t.date === entry.date;
  if (t.kind === "grade-day") return t.grade === grade && t.date === entry.date;
  return false;
}
