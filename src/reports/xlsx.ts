// XLSX export with exceljs: one sheet per table, a bold header row, numbers
// stored as numbers and rates as numbers with a percent format, so a district
// can sum and chart them without retyping.
import ExcelJS from "exceljs";
import { isRate, stripInvalidXmlChars, type Cell, type FormatOptions, type Table } from "./core";

// Excel forbids []:*?/\ in sheet names, a leading/trailing apostrophe, and more than 31 characters.
export function sheetName(title: string, taken: Set<string>): string {
  const cleaned = title
    .replace(/[[\]:*?/\\]/g, " ")
    .replace(/^'+|'+$/g, "")
    .trim();
  const base = stripInvalidXmlChars(cleaned.slice(0, 31)).trim() || "Sheet";
  let name = base;
  for (let i = 2; taken.has(name.toLowerCase()); i++)
    name = `${stripInvalidXmlChars(base.slice(0, 31 - ` (${i})`.length))} (${i})`;
  taken.add(name.toLowerCase());
  return name;
}

function percentFormat(decimals: number): string {
  return decimals > 0 ? `0.${"0".repeat(decimals)}%` : "0%";
}

function xlsxValue(cell: Cell): string | number | boolean | null {
  if (cell == null) return null;
  if (isRate(cell)) return cell.value;
  if (typeof cell === "number") return Number.isFinite(cell) ? cell : null;
  if (typeof cell === "boolean") return cell;
  return stripInvalidXmlChars(String(cell));
}

// Rough display width: CJK characters take two columns, others one.
function displayWidth(text: string): number {
  let width = 0;
  for (const ch of text) width += /[\u2E80-\uFFEF]/.test(ch) ? 2 : 1;
  return width;
}

function addSheet(workbook: ExcelJS.Workbook, table: Table, name: string, options: FormatOptions): void {
  const sheet = workbook.addWorksheet(name, { views: [{ state: "frozen", ySplit: 1 }] });
  const percent = percentFormat(options.percentDecimals ?? 1);
  const header = sheet.addRow(table.columns.map((c) => stripInvalidXmlChars(c.header)));
  header.font = { bold: true };
  for (const row of table.rows) {
    const added = sheet.addRow(table.columns.map((c) => xlsxValue(row[c.key])));
    table.columns.forEach((c, i) => {
      if (isRate(row[c.key])) added.getCell(i + 1).numFmt = percent;
    });
  }
  table.columns.forEach((c, i) => {
    const widest = Math.max(
      displayWidth(c.header),
      ...table.rows.map((r) => displayWidth(String(xlsxValue(r[c.key]) ?? ""))),
    );
    sheet.getColumn(i + 1).width = Math.min(60, Math.max(8, widest + 2));
  });
}

export async function toXlsx(tables: Table[], options: FormatOptions = {}): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = "Kehou";
  const taken = new Set<string>();
  for (const table of tables) addSheet(workbook, table, sheetName(table.title, taken), options);
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
