// Every code an import can report. Results carry codes and params only; the web
// layer turns them into words (i18n keys `import.<code>`), so nothing here is
// written in Chinese or English.
export const IMPORT_ERROR_CODES = [
  // file level
  "unsupported-file",
  "unreadable-file",
  "empty-file",
  "no-rows",
  "missing-column",
  "duplicate-column",
  // file over a limit (limits.ts)
  "too-many-rows",
  "too-many-columns",
  "too-many-cells",
  "cell-too-long",
  "unpacked-too-large",
  // cell level
  "required",
  "too-long",
  "bad-id",
  "scientific-notation",
  "precision-lost",
  "bad-grade",
  "bad-grades",
  "bad-number",
  "out-of-range",
  "bad-date",
  "bad-weekdays",
  "bad-staff-kind",
  "bad-email",
  "bad-phone",
  "bad-staff-list",
  "bad-venue-kind",
  "bad-hours",
  // row and file consistency
  "min-above-max",
  "duplicate",
  "already-exists",
  "unknown-class",
  "unknown-venue",
  "unknown-staff",
  "family-mismatch",
  "hours-day-not-available",
] as const;

export type ImportErrorCode = (typeof IMPORT_ERROR_CODES)[number];

export type ImportParams = Record<string, string | number>;

/** One problem. `line` is the spreadsheet row (header = 1, 0 = the file as a
 * whole); `field` is the canonical field name (e.g. "studentNumber"), or "". */
export interface ImportError {
  line: number;
  field: string;
  code: ImportErrorCode;
  params: ImportParams;
}

export type ImportFileErrorCode = Extract<
  ImportErrorCode,
  | "unsupported-file"
  | "unreadable-file"
  | "too-many-rows"
  | "too-many-columns"
  | "too-many-cells"
  | "cell-too-long"
  | "unpacked-too-large"
>;

/** Thrown by readTable when the file itself cannot be read, or is over a limit. */
export class ImportFileError extends Error {
  constructor(
    readonly code: ImportFileErrorCode,
    readonly params: ImportParams = {},
  ) {
    super(`import: ${code}`);
    this.name = "ImportFileError";
  }

  toImportError(): ImportError {
    return {
      line: typeof this.params.line === "number" ? this.params.line : 0,
      field: "",
      code: this.code,
      params: this.params,
    };
  }
}
