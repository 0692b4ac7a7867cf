// Loads what the publicity boards show: a class's week, or a grade's classes side by side.
import type { DataSource } from "typeorm";
import { type SchoolClass, currentTerm } from "../db";
import { calendarEntries, indexCalendar, type CalendarIndex } from "../kernel";
import { applySettings, loadPolicySettings, parametersForFact, policyRules } from "../policy";
import { buildBoard, type Board, type BoardItem, type Week } from "./core";
import { boardItems, classesOfGrade, staffNames } from "./store";

export interface ClassBoard {
  cls: SchoolClass;
  board: Board;
  staffNames: Map<number, string>;
}

// The grade's daily written limit as the homework-limit rule applies it at this school.
async function writtenLimit(ds: DataSource, grade: number): Promise<number | undefined> {
  const rules = policyRules();
  const { settings } = await loadPolicySettings(ds, rules);
  const rule = applySettings(rules, settings).find((r) => r.id === "homework-limit" && r.enabled);
  const value = rule ? parametersForFact(rule.parameters, { grade }).maxWrittenMinutes : undefined;
  return typeof value === "number" ? value : undefined;
}

// The week's special days (the kernel reads them); the board shows their names.
async function calendarNotes(ds: DataSource, week: Week): Promise<CalendarIndex> {
  const term = await currentTerm(ds);
  if (!term) return new Map();
  return indexCalendar(await calendarEntries(ds, term.id, { from: week.monday, to: week.sunday }));
}

const itemsOf = boardItems;

// The names of who set the items.
function namesOf(ds: DataSource, items: BoardItem[]): Promise<Map<number, string>> {
  return staffNames(ds, [...new Set(items.map((i) => i.staffId).filter((id): id is number => id != null))]);
}

export async function classBoard(ds: DataSource, cls: SchoolClass, week: Week): Promise<ClassBoard> {
  const [items, notes, limit] = await Promise.all([
    itemsOf(ds, [cls.id], week),
    calendarNotes(ds, week),
    writtenLimit(ds, cls.grade),
  ]);
  return { cls, board: buildBoard(week, items, notes, limit), staffNames: await namesOf(ds, items) };
}

/** Every (current) class of a grade, each with its own board for the same week. */
export async function gradeBoards(ds: DataSource, grade: number, week: Week): Promise<ClassBoard[]> {
  const classes = await classesOfGrade(ds, grade);
  const [items, notes, limit] = await Promise.all([
    itemsOf(
      ds,
      classes.map((c) => c.id),
      week,
    ),
    calendarNotes(ds, week),
    writtenLimit(ds, grade),
  ]);
  const staffNames = await namesOf(ds, items);
  return classes.map((cls) => ({
    cls,
    board: buildBoard(
      week,
      items.filter((i) => i.classId === cls.id),
      notes,
      limit,
    ),
    staffNames,
  }));
}
