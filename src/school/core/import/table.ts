import { ImportFileError } from "./codes";
import { IMPORT_LIMITS } from "./limits";

// The shape every reader produces: text cells keyed by the header as written,
// and the spreadsheet's own row numbers so errors point at the row the admin sees.
export interface TableRow {
  line: number;
  cells: Record<string, string>;
}

export interface ImportTable {
  headers: string[];
  rows: TableRow[];
  /** XLSX cells that held a number too large to be exact (e.g. a 19-digit
   * 学籍号 typed as a number): their text is a guess and must not be imported. */
  imprecise?: { line: number; header: string }[];
}

/** A raw row as read from the file, before the header is applied. */
export interface RawRow {
  line: number;
  values: string[];
  imprecise?: number[];
}

const isBlank = (value: string) => value.trim() === "";

/** Applies the first non-blank row as the header and drops blank rows (trailing
 * or not) while keeping every other row's own line number. Repeated or empty
 * header cells get distinct names so no column is silently lost. Trailing blank
 * cells are dropped first, so a stray formatted cell far right widens nothing;
 * a file over a row, column or cell-length limit is refused here. */
export function buildTable(raw: RawRow[]): ImportTable {
  if (raw.length > IMPORT_LIMITS.rows + 1) throw new ImportFileError("too-many-rows", { max: IMPORT_LIMITS.rows });
  const filled: RawRow[] = [];
  let width = 0; // a loop, not Math.max(...): spreading 200k rows overflows the stack
  for (const row of raw) {
    const values = withoutTrailingBlanks(row.values);
    if (values.length === 0) continue;
    checkRow(row.line, values);
    filled.push(values === row.values ? row : { ...row, values });
    width = Math.max(width, values.length);
  }
  if (filled.length === 0) return { headers: [], rows: [] };
  const [headerRow, ...dataRows] = filled;
  const headers = uniqueHeaders(headerRow.values, width);
  const imprecise: { line: number; header: string }[] = [];
  const rows = dataRows.map((row) => {
    const cells: Record<string, string> = {};
    headers.forEach((header, i) => {
      cells[header] = row.values[i] ?? "";
    });
    for (const i of row.imprecise ?? []) if (i < width) imprecise.push({ line: row.line, header: headers[i] });
    return { line: row.line, cells };
  });
  return imprecise.length ? { headers, rows, imprecise } : { headers, rows };
}

function withoutTrailingBlanks(values: string[]): string[] {
  let end = values.length;
  while (end > 0 && isBlank(values[end - 1] ?? "")) end--;
  return end === values.length ? values : values.slice(0, end);
}

function checkRow(line: number, values: string[]): void {
  if (values.length > IMPORT_LIMITS.columns)
    throw new ImportFileError("too-many-columns", { max: IMPORT_LIMITS.columns, line });
  if (values.some((v) => v.length > IMPORT_LIMITS.cellChars))
    throw new ImportFileError("cell-too-long", { max: IMPORT_LIMITS.cellChars, line });
}

function uniqueHeaders(values: string[], width: number): string[] {
  const seen = new Map<string, number>();
  const headers: string[] = [];
  for (let i = 0; i < width; i++) {
    const base = (values[i] ?? "").trim() || `#${i + 1}`;
    const count = (seen.get(base) ?? 0) + 1;
    seen.set(base, count);
    headers.push(count === 1 ? base : `${base} (${count})`);
  }
  return headers;
}
