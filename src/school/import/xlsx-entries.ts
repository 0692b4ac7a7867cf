import yauzl, { Entry, ZipFile } from "yauzl";
import { ImportFileError } from "../core/import/codes";
import { UNPACKED_BYTES, IMPORT_LIMITS } from "../core/import/limits";

// The parts of an XLSX that its cell values come from. Drawings, media,
// themes, printer settings and anything else are never inflated: a few
// hundred KB of zip can declare gigabytes of them.
const NEEDED = new Set([
  "_rels/.rels",
  "xl/workbook.xml",
  "xl/_rels/workbook.xml.rels",
  "xl/sharedStrings.xml",
  "xl/styles.xml",
]);
export const isWorksheet = (name: string) => /^xl\/worksheets\/sheet\d+\.xml$/.test(name);

const unreadable = () => new ImportFileError("unreadable-file");
const tooLarge = () => new ImportFileError("unpacked-too-large", { max: IMPORT_LIMITS.unpackedMegabytes });

/** The needed entries, unpacked. Refused before inflating anything when the
 * entries together declare more than the limit; while inflating, yauzl checks
 * that each entry's bytes match its declared size, and the running total is
 * capped anyway, so a lying header cannot get past the limit either. */
export async function readXlsxEntries(buffer: Buffer): Promise<Map<string, Buffer>> {
  const zip = await open(buffer);
  try {
    const needed = await neededEntries(zip);
    const out = new Map<string, Buffer>();
    let total = 0;
    for (const entry of needed) {
      const data = await inflate(zip, entry, UNPACKED_BYTES - total);
      total += data.length;
      out.set(entry.fileName, data);
    }
    return out;
  } finally {
    zip.close();
  }
}

function open(buffer: Buffer): Promise<ZipFile> {
  return new Promise((resolve, reject) => {
    yauzl.fromBuffer(buffer, { lazyEntries: true, validateEntrySizes: true, autoClose: false }, (err, zip) =>
      err || !zip ? reject(unreadable()) : resolve(zip),
    );
  });
}

// Deflate never grows data by more than a few bytes per 16 KB block, so an
// entry whose compressed bytes outnumber its declared size by more is lying
// about its size; it is refused without being inflated.
const declaresTooLittle = (e: Entry) =>
  e.compressedSize > e.uncompressedSize + Math.ceil(e.uncompressedSize / 1024) + 64;

// Walks the central directory (no inflating), summing every entry's declared size.
function neededEntries(zip: ZipFile): Promise<Entry[]> {
  return new Promise((resolve, reject) => {
    const needed: Entry[] = [];
    let declared = 0;
    zip.on("entry", (entry: Entry) => {
      declared += entry.uncompressedSize;
      if (declared > UNPACKED_BYTES) return reject(tooLarge());
      if (declaresTooLittle(entry)) return reject(unreadable());
      if (NEEDED.has(entry.fileName) || isWorksheet(entry.fileName)) needed.push(entry);
      zip.readEntry();
    });
    zip.on("end", () => resolve(needed));
    zip.on("error", () => reject(unreadable()));
    zip.readEntry();
  });
}

function inflate(zip: ZipFile, entry: Entry, budget: number): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    zip.openReadStream(entry, (err, stream) => {
      if (err || !stream) return reject(unreadable());
      const chunks: Buffer[] = [];
      let size = 0;
      stream.on("data", (chunk: Buffer) => {
        size += chunk.length;
        if (size > budget) {
          stream.destroy();
          reject(tooLarge());
        } else chunks.push(chunk);
      });
      stream.on("error", () => reject(unreadable()));
      stream.on("end", () => resolve(Buffer.concat(chunks)));
    });
  });
}
