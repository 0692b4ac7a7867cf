// What a new school year does to the classes: grade 6 leaves (archived with
// its children), grades 1–5 move up one, and new empty grade-1 classes take
// the names the old grade-1 classes had. Pure: the preview page shows exactly
// this plan and the service carries it out.
import { leaverName, promotedName, uniqueName } from "./class-names";

export interface PlanClass {
  id: number;
  grade: number;
  name: string;
  archived: boolean;
  students: number;
}

export interface PromotionPlan {
  leavers: { id: number; name: string; newName: string; students: number }[];
  promoted: { id: number; fromGrade: number; toGrade: number; name: string; newName: string; students: number }[];
  created: { grade: number; name: string }[];
}

export const TOP_GRADE = 6;

export function promotionPlan(classes: PlanClass[], leaverYear: number): PromotionPlan {
  const current = classes.filter((c) => !c.archived).sort((a, b) => b.grade - a.grade || a.name.localeCompare(b.name));
  // Names already used by classes that stay put (older leavers) cannot be reused.
  const taken = new Set(classes.filter((c) => c.archived).map((c) => `${c.grade}|${c.name}`));
  const plan: PromotionPlan = { leavers: [], promoted: [], created: [] };
  for (const c of current) {
    if (c.grade >= TOP_GRADE) {
      plan.leavers.push({
        id: c.id,
        name: c.name,
        newName: uniqueName(c.grade, leaverName(c.name, leaverYear), taken),
        students: c.students,
      });
    } else {
      const toGrade = c.grade + 1;
      const newName = uniqueName(toGrade, promotedName(c.name, c.grade) ?? c.name, taken);
      plan.promoted.push({ id: c.id, fromGrade: c.grade, toGrade, name: c.name, newName, students: c.students });
    }
  }
  for (const c of current.filter((x) => x.grade === 1).sort((a, b) => a.name.localeCompare(b.name))) {
    plan.created.push({ grade: 1, name: uniqueName(1, c.name, taken) });
  }
  return plan;
}

export interface OldClass {
  id: number;
  grade: number;
  name: string;
}

// Timetable entries of a class (homework help in its room) follow the grade,
// not the children: the entry for last year's 三(1)班 goes to this year's
// 三(1)班. Matched by name within the grade, else by position in the grade.
export function classMapping(before: OldClass[], after: OldClass[]): Map<number, number | null> {
  const map = new Map<number, number | null>();
  for (let grade = 1; grade <= TOP_GRADE; grade++) {
    const old = before.filter((c) => c.grade === grade).sort((a, b) => a.name.localeCompare(b.name));
    const now = after.filter((c) => c.grade === grade).sort((a, b) => a.name.localeCompare(b.name));
    old.forEach((c, i) => map.set(c.id, (now.find((n) => n.name === c.name) ?? now[i])?.id ?? null));
  }
  return map;
}
