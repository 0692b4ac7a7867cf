import { ImportFileError } from "../core/import/codes";
import { readCsv } from "./read-csv";
import { readXlsx } from "./read-xlsx";
import { ImportTable } from "../core/import/table";

// The content decides first (an .xlsx renamed .csv still reads), then the name.
// Old binary .xls is refused with a code so the admin can re-save as .xlsx.
export async function readTable(buffer: Buffer, filename: string): Promise<ImportTable> {
  const extension = (/\.([^.\\/]+)$/.exec(filename)?.[1] ?? "").toLowerCase();
  if (isZip(buffer)) return readXlsx(buffer);
  if (isOleCompound(buffer)) throw new ImportFileError("unsupported-file", { extension: extension || "xls" });
  if (["csv", "tsv", "txt"].includes(extension)) return readCsv(buffer);
  if (["xlsx", "xlsm"].includes(extension)) throw new ImportFileError("unreadable-file");
  throw new ImportFileError("unsupported-file", { extension });
}

const isZip = (b: Buffer) => b.length >= 4 && b[0] === 0x50 && b[1] === 0x4b && b[2] === 0x03 && b[3] === 0x04;
const isOleCompound = (b: Buffer) => b.length >= 4 && b[0] === 0xd0 && b[1] === 0xcf && b[2] === 0x11 && b[3] === 0xe0;
