import { parse } from "csv-parse";
import { ImportFileError } from "./codes";
import { decodeText } from "./decode-text";
import { buildTable, ImportTable, RawRow } from "./table";

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
    parse(text, { delimiter, relax_column_count: true, relax_quotes: true, skip_empty_lines: false },
      (err, records: string[][] | undefined) => {
        if (err) {
          const line = (err as { lines?: unknown }).lines;
          reject(new ImportFileError("unreadable-file", typeof line === "number" ? { line } : {}));
        } else resolve(records ?? []);
      });
  });
}

// The separator that occurs most on the first non-blank line, outside quotes.
export function guessDelimiter(text: string): string {
  const firstLine = text.split(/\r?\n/).find((line) => line.trim() !== "") ?? "";
  const unquoted = firstLine.replace(/"[^"]*"/g, "");
  const counts = [",", "\t", ";"].map((d) => ({ d, n: unquoted.split(d).length - 1 }));
  const best = counts.reduce((a, b) => (b.n > a.n ? b : a));
  return best.n > 0 ? best.d : ",";
}

// `="0012"` is the usual trick to keep leading zeros when a CSV is opened in Excel.
function unwrapFormulaText(value: string): string {
  const match = /^="(.*)"$/s.exec(value.trim());
  return match ? match[1] : value;
}
