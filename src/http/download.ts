// Names of the files the app hands out (CSV/XLSX exports, a run's JSON, a
// child's data): "kehou-<what>-<term>-<date>.<ext>", so a folder of downloads
// says which term and day each came from. The term's name is the admin's own
// (often Chinese): the header carries it as RFC 5987 filename*, with an ASCII
// filename for the few clients that read only that.
import type { Response } from "express";

// Characters no file system or header should see, and spaces (a name is one word in a shell).
const UNSAFE = /[\s/\\:*?"<>|;,\p{Cc}]+/gu;

/** The parts joined by "-" (empty parts left out), each cleaned of characters unsafe in a file name. */
export function downloadName(parts: readonly (string | number | null | undefined)[], ext: string): string {
  const clean = parts
    .filter((p): p is string | number => p !== null && p !== undefined && p !== "")
    .map((p) =>
      String(p)
        .normalize("NFC")
        .replace(UNSAFE, "")
        .replace(/^[.-]+/, ""),
    )
    .filter((p) => p !== "");
  return `${clean.join("-") || "kehou"}.${ext}`;
}

/** The name with every run of non-ASCII characters as one "-" (e.g. "2026–2027学年" → "2026-2027-"). */
export function asciiFileName(name: string): string {
  return name
    .replace(/[^\u0020-\u007e]+/g, "-")
    .replace(/["\\]/g, "")
    .replace(/-{2,}/g, "-")
    .replace(/-+\./g, ".")
    .replace(/^-+/, "")
    .replace(/^(?=\.|$)/, "kehou");
}

// RFC 5987 attr-char: encodeURIComponent leaves ' ( ) * ! which the grammar does not allow.
const rfc5987 = (s: string): string =>
  encodeURIComponent(s).replace(/['()*!]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);

/** The Content-Disposition of a download: filename* only when the name is not plain ASCII. */
export function contentDisposition(name: string): string {
  const ascii = asciiFileName(name);
  return ascii === name
    ? `attachment; filename="${name}"`
    : `attachment; filename="${ascii}"; filename*=UTF-8''${rfc5987(name)}`;
}

/** Marks the response as a download named `name` (never cached: exports hold personal data). */
export function asDownload(res: Response, name: string): Response {
  res.setHeader("Content-Disposition", contentDisposition(name));
  res.setHeader("Cache-Control", "no-store");
  return res;
}
