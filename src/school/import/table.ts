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
 * header cells get distinct names so no column is silently lost. */
export function buildTable(raw: RawRow[]): ImportTable {
  const filled = raw.filter((row) => row.values.some((v) => !isBlank(v)));
  if (filled.length === 0) return { headers: [], rows: [] };
  const [headerRow, ...dataRows] = filled;
  const width = Math.max(...filled.map((row) => row.values.length));
  const headers = uniqueHeaders(headerRow.values, width);
  const imprecise: { line: number; header: string }[] = [];
  const rows = dataRows.map((row) => {
    const cells: Record<string, string> = {};
    headers.forEach((header, i) => { cells[header] = row.values[i] ?? ""; });
    for (const i of row.imprecise ?? []) imprecise.push({ line: row.line, header: headers[i] });
    return { line: row.line, cells };
  });
  return imprecise.length ? { headers, rows, imprecise } : { headers, rows };
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
