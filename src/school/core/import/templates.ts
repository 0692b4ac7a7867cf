// The template an admin downloads for each import: the headers the import reads
// best (each column's first alias) and one example row showing every format.
import { clubColumns } from "./clubs";
import { staffColumns } from "./staff";
import { studentColumns } from "./students";
import type { ImportKind } from "./validate-import";

const EXAMPLES: Record<ImportKind, string[]> = {
  students: ["20260101", "张小明", "1", "一年级(1)班", "F20260101", "张伟", "13800138000"],
  staff: [
    "E010",
    "李芳",
    "校外人员",
    "lifang@example.com",
    "2026-08-20",
    "二,四",
    "周二 16:30-17:50; 周四 16:30-17:50",
  ],
  clubs: [
    "少儿合唱",
    "艺术",
    "发声训练与多声部合唱。",
    "2-6",
    "15",
    "45",
    "T007",
    "音乐教室",
    "T007、T012",
    "1",
    "音乐教室",
  ],
};

const COLUMNS = { students: studentColumns, staff: staffColumns, clubs: clubColumns };

/** The template's rows: the header, then the example. */
export function templateRows(kind: ImportKind): string[][] {
  return [COLUMNS[kind].map((c) => c.aliases[0]), EXAMPLES[kind]];
}
