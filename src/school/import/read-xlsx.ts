import ExcelJS from "exceljs";
import { ImportFileError } from "./codes";
import { buildTable, ImportTable, RawRow } from "./table";

// Reads the first worksheet that has data. Every cell becomes text: strings stay
// exactly as stored (leading zeros, 19-digit 学籍号), numbers are printed in full
// and flagged when too large to be exact, dates become YYYY-MM-DD.
export async function readXlsx(buffer: Buffer): Promise<ImportTable> {
  const workbook = new ExcelJS.Workbook();
  try {
    // exceljs declares its own Buffer type, which Node 20's Buffer<ArrayBufferLike> does not satisfy.
    await workbook.xlsx.load(buffer as unknown as ExcelJS.Buffer);
  } catch {
    throw new ImportFileError("unreadable-file");
  }
  const sheet = workbook.worksheets.find((ws) => ws.state === "visible" && ws.actualRowCount > 0)
    ?? workbook.worksheets.find((ws) => ws.actualRowCount > 0);
  if (!sheet) return { headers: [], rows: [] };
  const raw: RawRow[] = [];
  sheet.eachRow({ includeEmpty: false }, (row, line) => {
    const values: string[] = [];
    const imprecise: number[] = [];
    row.eachCell({ includeEmpty: false }, (cell, col) => {
      const { text, exact } = cellText(cell.value, cell.numFmt);
      values[col - 1] = text;
      if (!exact) imprecise.push(col - 1);
    });
    raw.push({ line, values: Array.from(values, (v) => v ?? ""), imprecise });
  });
  return buildTable(raw);
}

interface CellText { text: string; exact: boolean }

export function cellText(value: ExcelJS.CellValue | undefined, numFmt?: string): CellText {
  if (value === null || value === undefined) return { text: "", exact: true };
  if (typeof value === "string") return { text: value, exact: true };
  if (typeof value === "number") return numberText(value, numFmt);
  if (typeof value === "boolean") return { text: value ? "TRUE" : "FALSE", exact: true };
  if (value instanceof Date) return { text: dateText(value), exact: true };
  if ("richText" in value) return { text: value.richText.map((run) => run.text).join(""), exact: true };
  if ("error" in value) return { text: String(value.error), exact: true };
  if ("hyperlink" in value) return cellText(value.text as ExcelJS.CellValue, numFmt);
  if ("formula" in value || "sharedFormula" in value) return cellText(value.result as ExcelJS.CellValue, numFmt);
  return { text: "", exact: true };
}

// Integers print in full (never 1.2e18); a custom format such as "000000" keeps
// its leading zeros; other numbers are shown to Excel's 15 significant digits.
function numberText(n: number, numFmt?: string): CellText {
  if (Number.isInteger(n)) {
    const exact = Number.isSafeInteger(n);
    const text = BigInt(n).toString();
    const zeros = numFmt && /^0+$/.test(numFmt) ? numFmt.length : 0;
    return { text: n >= 0 ? text.padStart(zeros, "0") : text, exact };
  }
  return { text: String(Number(n.toPrecision(15))), exact: true };
}

// Excel dates arrive as UTC midnights; a time-only cell (1899-12-30) as HH:MM.
function dateText(d: Date): string {
  const pad = (n: number) => String(n).padStart(2, "0");
  if (d.getUTCFullYear() < 1900) return `${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}`;
  return `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}`;
}
