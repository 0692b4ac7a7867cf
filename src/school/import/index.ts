// Spreadsheet imports (students, families, staff, clubs): read any CSV or XLSX a
// school has as text, map Chinese or English headers, validate all or nothing,
// and preview what a commit would change. No database, no HTTP; the readers of
// uploaded bytes live here, the pure rules of a sheet in ../core/import.
export { IMPORT_ERROR_CODES, ImportFileError } from "../core/import/codes";
export type { ImportError, ImportErrorCode, ImportParams } from "../core/import/codes";
export { readTable } from "./read-table";
export { decodeText, detectEncoding } from "./decode-text";
export type { TextEncoding } from "./decode-text";
export type { ImportTable, TableRow } from "../core/import/table";
export { mapColumns, normalizeHeader } from "../core/import/headers";
export type { ColumnSpec } from "../core/import/headers";
export { validateImport, IMPORT_KINDS } from "../core/import/validate-import";
export type { ImportKind, ImportRowsByKind, ImportResult, ImportedRow } from "../core/import/validate-import";
export type { ExistingRecords, ImportMode } from "../core/import/spec";
export { matchKey } from "../core/import/spec";
export { studentColumns, studentFields } from "../core/import/students";
export type { StudentRow } from "../core/import/students";
export { deriveFamilies } from "../core/import/families";
export type { FamilyRow } from "../core/import/families";
export { staffColumns, staffFields, parseStaffKind } from "../core/import/staff";
export type { StaffRow, StaffKind } from "../core/import/staff";
export { clubColumns, clubFields } from "../core/import/clubs";
export type { ClubRow } from "../core/import/clubs";
export { previewImport } from "../core/import/preview";
export type { ImportPreview, PreviewCounts } from "../core/import/preview";
