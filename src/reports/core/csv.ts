// CSV export: UTF-8 with a BOM so Excel on a Chinese Windows opens 汉字 correctly,
// and formula injection neutralised (a parent's free text must never run as a formula).
import { stringify } from "csv-stringify/sync";
import { Cell, cellText, FormatOptions, Table } from "./table";

const BOM = "\uFEFF";
const FORMULA_START = /^[=+\-@\t\r]/;

// Spreadsheets run a cell starting with = + - @ (or a tab / CR before one) as a formula; a leading apostrophe keeps it text.
export function neutraliseFormula(text: string): string {
  return FORMULA_START.test(text) ? `'${text}` : text;
}

// Numbers and rates are ours and stay as they are (a -3 is a number, not a formula); text is neutralised.
function csvCell(cell: Cell, options: FormatOptions): string {
  const text = cellText(cell, options);
  return typeof cell === "string" ? neutraliseFormula(text) : text;
}

export function toCsv(table: Table, options: FormatOptions = {}): Buffer {
  const header = table.columns.map((c) => neutraliseFormula(c.header));
  const rows = table.rows.map((row) => table.columns.map((c) => csvCell(row[c.key], options)));
  const body = stringify([header, ...rows], { record_delimiter: "windows" });
  return Buffer.from(BOM + body, "utf8");
}
