import { z } from "zod";
import { ImportError } from "./codes";
import { ClubRow, clubImport } from "./clubs";
import { ColumnMap, mapColumns } from "./headers";
import { ExistingRecords, ImportMode, ImportSpec, indexExisting, ParsedRow } from "./spec";
import { StaffRow, staffImport } from "./staff";
import { StudentRow, studentImport } from "./students";
import { ImportTable, TableRow } from "./table";

export type ImportKind = "students" | "staff" | "clubs";
export interface ImportRowsByKind {
  students: StudentRow;
  staff: StaffRow;
  clubs: ClubRow;
}

/** A valid row and the spreadsheet line it came from. */
export type ImportedRow<T> = T & { line: number };

export type ImportResult<T> = { ok: true; rows: ImportedRow<T>[] } | { ok: false; errors: ImportError[] };

const SPECS: { [K in ImportKind]: ImportSpec<ImportRowsByKind[K]> } = {
  students: studentImport,
  staff: staffImport,
  clubs: clubImport,
};

export const IMPORT_KINDS = Object.keys(SPECS) as ImportKind[];

// All or nothing: a file with any bad row imports nothing, and the admin gets
// every problem at once (all rows, all fields) to fix in one pass.
export function validateImport<K extends ImportKind>(
  kind: K,
  table: ImportTable,
  existing?: ExistingRecords,
  options: { mode?: ImportMode } = {},
): ImportResult<ImportRowsByKind[K]> {
  return validateWith(SPECS[kind], table, existing, options.mode ?? "upsert");
}

function validateWith<T>(
  spec: ImportSpec<T>,
  table: ImportTable,
  existing: ExistingRecords | undefined,
  mode: ImportMode,
): ImportResult<T> {
  if (table.headers.length === 0)
    return { ok: false, errors: [{ line: 0, field: "", code: "empty-file", params: {} }] };
  const { map, errors: columnErrors } = mapColumns(table.headers, spec.columns);
  if (columnErrors.length) return { ok: false, errors: columnErrors };
  if (table.rows.length === 0) return { ok: false, errors: [{ line: 0, field: "", code: "no-rows", params: {} }] };

  const fields = Object.keys(spec.fields) as (keyof T & string)[];
  const imprecise = new Set((table.imprecise ?? []).map((c) => cellKey(c.line, c.header)));
  const errors: ImportError[] = [];
  const parsed = table.rows.map((row) => parseRow(spec, fields, map, row, imprecise, errors));
  const known = indexExisting(existing);
  // A loop, not push(...): file checks can report every row, and spreading them overflows the stack.
  for (const e of spec.fileChecks(parsed, known, mode)) errors.push(e);
  if (errors.length) return { ok: false, errors: sortErrors(errors, fields) };

  // Every field parsed on every row (no errors), so each `values` is a whole T
  // (a blank optional cell leaves its key out).
  const rows = parsed.map(({ line, values }) => ({ ...(spec.resolve?.(values as T, known) ?? (values as T)), line }));
  return { ok: true, rows };
}

// Each cell on its own, so one bad cell never hides another in the same row, and
// the fields that did parse still take part in the cross-row checks.
function parseRow<T>(
  spec: ImportSpec<T>,
  fields: (keyof T & string)[],
  map: ColumnMap,
  row: TableRow,
  imprecise: Set<string>,
  errors: ImportError[],
): ParsedRow<T> {
  const values: Partial<T> = {};
  for (const field of fields) {
    const header = map[field];
    if (header !== undefined && imprecise.has(cellKey(row.line, header))) {
      errors.push({ line: row.line, field, code: "precision-lost", params: { value: row.cells[header] } });
      continue;
    }
    const result = spec.fields[field].safeParse(header === undefined ? "" : (row.cells[header] ?? ""));
    if (!result.success) errors.push(...result.error.issues.map((issue) => issueToError(issue, row.line, field)));
    else if (result.data !== undefined) values[field] = result.data;
  }
  errors.push(...(spec.rowRules?.(values) ?? []).map((e) => ({ line: row.line, ...e })));
  return { line: row.line, values };
}

const cellKey = (line: number, header: string) => `${line}\u0000${header}`;

function issueToError(issue: z.core.$ZodIssue, line: number, field: string): ImportError {
  if (issue.code === "custom") {
    return {
      line,
      field,
      code: issue.message as ImportError["code"],
      params: (issue.params ?? {}) as ImportError["params"],
    };
  }
  return { line, field, code: "required", params: {} };
}

// Errors read top to bottom, left to right, as the admin fixes the sheet.
function sortErrors(errors: ImportError[], fields: string[]): ImportError[] {
  const column = (f: string) => fields.indexOf(f);
  return [...errors].sort(
    (a, b) => a.line - b.line || column(a.field) - column(b.field) || a.code.localeCompare(b.code),
  );
}
