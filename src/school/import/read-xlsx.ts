import ExcelJS from "exceljs";
import JSZip from "jszip";
import { ImportFileError } from "../core/import/codes";
import { IMPORT_LIMITS } from "../core/import/limits";
import { buildTable, ImportTable, RawRow } from "../core/import/table";
import { isWorksheet, readXlsxEntries } from "./xlsx-entries";

// Sheet parts exceljs would turn into objects cell by cell although no value
// comes from them: a merge or validation over A1:XFD1048576 is a few bytes.
const IGNORED_NODES = [
  "mergeCells",
  "dataValidations",
  "conditionalFormatting",
  "hyperlinks",
  "cols",
  "extLst",
  "autoFilter",
  "rowBreaks",
  "drawing",
  "picture",
  "tableParts",
];

// Reads the first worksheet that has data. Every cell becomes text: strings stay
// exactly as stored (leading zeros, 19-digit 学籍号), numbers are printed in full
// and flagged when too large to be exact, dates become YYYY-MM-DD.
export async function readXlsx(buffer: Buffer): Promise<ImportTable> {
  const entries = await readXlsxEntries(buffer);
  checkCounts(entries);
  const workbook = new ExcelJS.Workbook();
  try {
    // exceljs reads a whole zip, so it gets one holding only the parts checked above.
    const zip = new JSZip();
    for (const [name, data] of entries) zip.file(name, data);
    const parts = await zip.generateAsync({ type: "nodebuffer", compression: "STORE" });
    // exceljs declares its own Buffer type, which Node 20's Buffer<ArrayBufferLike> does not satisfy.
    await workbook.xlsx.load(parts as unknown as ExcelJS.Buffer, { ignoreNodes: IGNORED_NODES });
  } catch {
    throw new ImportFileError("unreadable-file");
  }
  const sheet =
    workbook.worksheets.find((ws) => ws.state === "visible" && ws.actualRowCount > 0) ??
    workbook.worksheets.find((ws) => ws.actualRowCount > 0);
  if (!sheet) return { headers: [], rows: [] };
  const raw: RawRow[] = [];
  sheet.eachRow({ includeEmpty: false }, (row, line) => {
    const values: string[] = [];
    const imprecise: number[] = [];
    row.eachCell({ includeEmpty: false }, (cell, col) => {
      const { text, exact } = cellText(cell.value, cell.numFmt);
      // Past the column limit only blank cells are let through, and not kept:
      // a value at XFD would otherwise make a 16,384-wide row.
      if (col > IMPORT_LIMITS.columns) {
        if (text.trim() === "") return;
        throw new ImportFileError("too-many-columns", { max: IMPORT_LIMITS.columns, line });
      }
      values[col - 1] = text;
      if (!exact) imprecise.push(col - 1);
    });
    raw.push({ line, values: Array.from(values, (v) => v ?? ""), imprecise });
  });
  return buildTable(raw);
}

// exceljs makes an object per <row>, <c> and shared <si> element, so the
// elements are counted in the raw XML first (an upper bound: prefixed or
// commented elements count too).
function checkCounts(entries: Map<string, Buffer>): void {
  const tooManyCells = () => new ImportFileError("too-many-cells", { max: IMPORT_LIMITS.cells });
  if (countElements(entries.get("xl/sharedStrings.xml"), "si") > IMPORT_LIMITS.cells) throw tooManyCells();
  let cells = 0; // every sheet is loaded, so they share the limit
  for (const [name, data] of entries) {
    if (!isWorksheet(name)) continue;
    if (countElements(data, "row") > IMPORT_LIMITS.rows + 1)
      throw new ImportFileError("too-many-rows", { max: IMPORT_LIMITS.rows });
    cells += countElements(data, "c");
    if (cells > IMPORT_LIMITS.cells) throw tooManyCells();
  }
}

/** How many `<tag` start tags (followed by space, `>` or `/`) the XML holds. */
export function countElements(xml: Buffer | undefined, tag: string): number {
  if (!xml) return 0;
  const open = Buffer.from(`<${tag}`);
  let n = 0;
  for (let i = xml.indexOf(open); i !== -1; i = xml.indexOf(open, i + open.length)) {
    const next = xml[i + open.length];
    if (next === 0x20 || next === 0x3e || next === 0x2f || next === 0x09 || next === 0x0a || next === 0x0d) n++;
  }
  return n;
}

interface CellText {
  text: string;
  exact: boolean;
}

export function cellText(value: ExcelJS.CellValue | undefined, numFmt?: string): CellText {
  if (value === null || value === undefined) return { text: "", exact: true };
  if (typeof value === "string") return { text: value, exact: true };
  if (typeof value === "number") return numberText(value, numFmt);
  if (typeof value === "boolean") return { text: value ? "TRUE" : "FALSE", exact: true };
  if (value instanceof Date) return { text: dateText(value), exact: true };
  if ("richText" in value) return { text: value.richText.map((run) => run.text).join(""), exact: true };
  if ("error" in value) return { text: String(value.error), exact: true };
  if ("hyperlink" in value) return cellText(value.text, numFmt);
  if ("formula" in value || "sharedFormula" in value) return cellText(value.result, numFmt);
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
