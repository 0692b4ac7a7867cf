import iconv from "iconv-lite";

export type TextEncoding = "utf-8" | "utf-16le" | "utf-16be" | "gb18030";

// Chinese Excel saves "CSV" as GB18030/GBK by default, "CSV UTF-8" with a BOM,
// and "Unicode text" as UTF-16LE; a file that is valid UTF-8 is taken as UTF-8.
export function detectEncoding(buffer: Buffer): TextEncoding {
  if (buffer.length >= 3 && buffer[0] === 0xef && buffer[1] === 0xbb && buffer[2] === 0xbf) return "utf-8";
  if (buffer.length >= 2 && buffer[0] === 0xff && buffer[1] === 0xfe) return "utf-16le";
  if (buffer.length >= 2 && buffer[0] === 0xfe && buffer[1] === 0xff) return "utf-16be";
  return isValidUtf8(buffer) ? "utf-8" : "gb18030";
}

export function decodeText(buffer: Buffer): { text: string; encoding: TextEncoding } {
  const encoding = detectEncoding(buffer);
  const text = iconv.decode(buffer, encoding, { stripBOM: true });
  return { text, encoding };
}

function isValidUtf8(buffer: Buffer): boolean {
  try {
    new TextDecoder("utf-8", { fatal: true }).decode(buffer);
    return true;
  } catch {
    return false;
  }
}
