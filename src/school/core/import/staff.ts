import { ImportError } from "./codes";
import { alreadyExisting, duplicatesInFile } from "./file-checks";
import { parseDate, parseWeekdays } from "./day-parsers";
import type { StaffHours } from "../../../kernel/core";
import { cell, cellOr, fail, ok, optionalCell, Parsed } from "./parsed";
import { parseStaffHours } from "./planning-parsers";
import { ImportSpec, RowError } from "./spec";
import { parseEmail, parseId, parseText } from "./text-parsers";

export type StaffKind = "teacher" | "class_teacher" | "external";

/** One person from the staff sheet (教职工 and 校外人员). */
export interface StaffRow {
  staffNumber: string;
  name: string;
  kind: StaffKind;
  email?: string;
  /** YYYY-MM-DD of the background check (校外人员 审查). */
  vettedOn?: string;
  /** Weekdays 1 (Mon) … 5 (Fri); a blank cell means every weekday. */
  availableDays: number[];
  /** Time windows on some available days; null ("全天"): whole days; a blank cell keeps what is stored. */
  availableHours?: StaffHours | null;
}

export const staffColumns = [
  {
    field: "staffNumber",
    required: true,
    aliases: ["工号", "教师工号", "职工号", "staff number", "staff no", "staff id", "staffNumber"],
  },
  { field: "name", required: true, aliases: ["姓名", "教师姓名", "名字", "name", "staff name"] },
  { field: "kind", required: true, aliases: ["类型", "人员类型", "身份", "类别", "kind", "type", "role"] },
  { field: "email", required: false, aliases: ["邮箱", "电子邮箱", "电子邮件", "邮件", "email", "e-mail", "mail"] },
  {
    field: "vettedOn",
    required: false,
    aliases: ["审查日期", "背景审查日期", "审核日期", "审查", "vetting date", "vetted on", "vettedOn", "vetted"],
  },
  {
    field: "availableDays",
    required: false,
    aliases: ["可用日", "可上课日", "空闲日", "available days", "availableDays", "availability", "days"],
  },
  {
    field: "availableHours",
    required: false,
    aliases: ["可用时间", "可用时段", "到校时间", "available hours", "availableHours", "hours", "time windows"],
  },
] as const;

const KINDS: Record<string, StaffKind> = {
  教师: "teacher",
  老师: "teacher",
  任课教师: "teacher",
  任课老师: "teacher",
  teacher: "teacher",
  班主任: "class_teacher",
  classteacher: "class_teacher",
  homeroomteacher: "class_teacher",
  homeroom: "class_teacher",
  校外人员: "external",
  校外: "external",
  外聘: "external",
  外聘教师: "external",
  校外教师: "external",
  校外辅导员: "external",
  external: "external",
  externalinstructor: "external",
  instructor: "external",
};

// Three kinds matter downstream: class teachers see their class, external
// instructors need a vetting date; written in Chinese or English.
export function parseStaffKind(raw: string): Parsed<StaffKind> {
  const kind =
    KINDS[
      raw
        .normalize("NFKC")
        .toLowerCase()
        .replace(/[\s_-]/g, "")
    ];
  return kind ? ok(kind) : fail("bad-staff-kind", { value: raw.trim() });
}

export const staffFields: ImportSpec<StaffRow>["fields"] = {
  staffNumber: cell(parseId),
  name: cell(parseText(50)),
  kind: cell(parseStaffKind),
  email: optionalCell(parseEmail),
  vettedOn: optionalCell(parseDate),
  availableDays: cellOr([1, 2, 3, 4, 5], parseWeekdays),
  availableHours: optionalCell(parseStaffHours),
};

// A window on a weekday the person is not available is a typo in one of the two cells.
function hoursOnAvailableDays(row: Partial<StaffRow>): RowError[] {
  const { availableDays, availableHours } = row;
  if (!availableDays || !availableHours) return [];
  return Object.keys(availableHours)
    .map(Number)
    .filter((day) => !availableDays.includes(day))
    .map((day) => ({ field: "availableHours", code: "hours-day-not-available" as const, params: { day } }));
}

export const staffImport: ImportSpec<StaffRow> = {
  columns: staffColumns,
  fields: staffFields,
  rowRules: hoursOnAvailableDays,
  fileChecks: (rows, known, mode): ImportError[] => [
    ...duplicatesInFile(rows, "staffNumber"),
    ...duplicatesInFile(rows, "email"),
    ...alreadyExisting(rows, "staffNumber", known.staffNumbers, mode),
  ],
};
