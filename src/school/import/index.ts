// Spreadsheet imports (students, families, staff, clubs): read any CSV or XLSX a
// school has as text, map Chinese or English headers, validate all or nothing,
// and preview what a commit would change. Pure: no database, no HTTP.
export { IMPORT_ERROR_CODES, ImportFileError } from "./codes";
export type { ImportError, ImportErrorCode, ImportParams } from "./codes";
export { readTable } from "./read-table";
export { decodeText, detectEncoding } from "./decode-text";
export type { TextEncoding } from "./decode-text";
export type { ImportTable, TableRow } from "./table";
export { mapColumns, normalizeHeader } from "./headers";
export type { ColumnSpec } from "./headers";
export { validateImport, IMPORT_KINDS } from "./validate-import";
export type { ImportKind, ImportRowsByKind, ImportResult, ImportedRow } from "./validate-import";
export type { ExistingRecords, ImportMode } from "./spec";
export { matchKey } from "./spec";
export { studentColumns, studentFields } from "./students";
export type { StudentRow } from "./students";
export { deriveFamilies } from "./families";
export type { FamilyRow } from "./families";
export { staffColumns, staffFields, parseStaffKind } from "./staff";
export type { StaffRow, StaffKind } from "./staff";
export { clubColumns, clubFields } from "./clubs";
export type { ClubRow } from "./clubs";
export { previewImport } from "./preview";
export type { ImportPreview, PreviewCounts } from "./preview";
