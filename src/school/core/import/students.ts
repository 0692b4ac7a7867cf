import { ImportError } from "./codes";
import { alreadyExisting, duplicatesInFile, stored, unknownReferences } from "./file-checks";
import { familyMismatches } from "./families";
import { parseGrade } from "./grade-parsers";
import { cell, optionalCell } from "./parsed";
import { ImportSpec } from "./spec";
import { parseId, parsePhone, parseText } from "./text-parsers";

/** One child from the students sheet (学生名单). */
export interface StudentRow {
  studentNumber: string;
  name: string;
  grade: number;
  className: string;
  /** Links siblings: the same key on several rows makes one family. */
  familyKey: string;
  guardianName?: string;
  phone?: string;
}

export const studentColumns = [
  {
    field: "studentNumber",
    required: true,
    aliases: ["学号", "学生学号", "学籍号", "学生编号", "student number", "student no", "student id", "studentNumber"],
  },
  { field: "name", required: true, aliases: ["姓名", "学生姓名", "名字", "name", "student name", "student"] },
  { field: "grade", required: true, aliases: ["年级", "grade"] },
  { field: "className", required: true, aliases: ["班级", "班级名称", "班", "class", "class name", "className"] },
  {
    field: "familyKey",
    required: true,
    aliases: ["家庭编号", "家庭号", "家庭", "family", "family key", "family id", "family number", "family no"],
  },
  {
    field: "guardianName",
    required: false,
    aliases: ["家长姓名", "家长", "监护人", "监护人姓名", "guardian", "guardian name", "parent", "parent name"],
  },
  {
    field: "phone",
    required: false,
    aliases: [
      "电话",
      "联系电话",
      "家长电话",
      "手机",
      "手机号",
      "手机号码",
      "家长手机",
      "phone",
      "mobile",
      "telephone",
      "tel",
    ],
  },
] as const;

export const studentFields: ImportSpec<StudentRow>["fields"] = {
  studentNumber: cell(parseId),
  name: cell(parseText(50)),
  grade: cell(parseGrade),
  className: cell(parseText(30)),
  familyKey: cell(parseId),
  guardianName: optionalCell(parseText(50)),
  phone: optionalCell(parsePhone),
};

export const studentImport: ImportSpec<StudentRow> = {
  columns: studentColumns,
  fields: studentFields,
  fileChecks: (rows, known, mode): ImportError[] => [
    ...duplicatesInFile(rows, "studentNumber"),
    ...alreadyExisting(rows, "studentNumber", known.studentNumbers, mode),
    ...unknownReferences(rows, "className", known.classNames, "unknown-class"),
    ...familyMismatches(rows),
  ],
  resolve: (row, known) => ({ ...row, className: stored(known.classNames, row.className) }),
};
