import { parse } from "csv-parse";
import { ImportFileError } from "../core/import/codes";
import { decodeText } from "./decode-text";
import { IMPORT_LIMITS } from "../core/import/limits";
import { buildTable, ImportTable, RawRow } from "../core/import/table";

// CSV from Excel/WPS: any of the encodings in decode-text, comma, semicolon or
// tab separated. Record n is spreadsheet row n (a quoted cell may span lines).
export async function readCsv(buffer: Buffer): Promise<ImportTable> {
  const { text } = decodeText(buffer);
  const records = await parseRecords(text, guessDelimiter(text));
  const raw: RawRow[] = records.map((values, i) => ({ line: i + 1, values: values.map(unwrapFormulaText) }));
  return buildTable(raw);
}

function parseRecords(text: string, delimiter: string): Promise<string[][]> {
  return new Promise((resolve, reject) => {
    // One record past the row limit is enough to know the file is over it, so
    // the rest is never parsed; fields are counted as records come, so a file
    // of nothing but commas stops at the cell limit instead of filling memory.
    let cells = 0;
    const countCells = (record: string[]) => {
      cells += record.length;
      if (cells > IMPORT_LIMITS.cells) throw new ImportFileError("too-many-cells", { max: IMPORT_LIMITS.cells });
      return record;
    };
    parse(
      text,
      {
        delimiter,
        relax_column_count: true,
        relax_quotes: true,
        skip_empty_lines: false,
        to: IMPORT_LIMITS.rows + 2,
        on_record: countCells,
      },
      (err, records: string[][] | undefined) => {
        if (err instanceof ImportFileError) reject(err);
        else if (err) {
          const line = (err as { lines?: unknown }).lines;
          reject(new ImportFileError("unreadable-file", typeof line === "number" ? { line } : {}));
        } else resolve(records ?? []);
      },
    );
  });
}

// The separator that occurs most on the first non-blank line, outside quotes.
export function guessDelimiter(text: string): string {
  const unquoted = firstNonBlankLine(text).replace(/"[^"]*"/g, "");
  const counts = [",", "\t", ";"].map((d) => ({ d, n: unquoted.split(d).length - 1 }));
  const best = counts.reduce((a, b) => (b.n > a.n ? b : a));
  return best.n > 0 ? best.d : ",";
}

// Line by line from the start: splitting a whole 10 MB file into lines to read one is waste.
function firstNonBlankLine(text: string): string {
  for (let start = 0; start < text.length;) {
    const end = text.indexOf("\n", start);
    const line = text.slice(start, end === -1 ? text.length : end).replace(/\r$/, "");
    if (line.trim() !== "") return line;
    if (end === -1) break;
    start = end + 1;
  }
  return "";
}

// `="0012"` is the usual trick to keep leading zeros when a CSV is opened in Excel.
function unwrapFormulaText(value: string): string {
  const match = /^="(.*)"$/s.exec(value.trim());
  return match ? match[1] : value;
}
