// A sheet checked against what is stored (the context, read by store/import-records
// inside the caller's transaction so the commit checks the same data it writes).
import {
  ImportKind,
  ImportTable,
  validateImport,
  previewImport,
  ImportPreview,
  type ClubRow,
  type ImportedRow,
  type StaffRow,
  type StudentRow,
} from "./import";
import {
  archivedStudents,
  capacitiesBelowMembers,
  emailsTaken,
  gradeMismatches,
  RowProblem,
  unknownCategories,
  unvettedExternals,
  venuesOfOtherKind,
} from "./core/import-checks";
import type { ImportContext } from "./store/import-records";

export { loadContext, type ImportContext } from "./store/import-records";

export type SheetCheck =
  | { ok: true; rows: ImportedRow<StudentRow | StaffRow | ClubRow>[]; preview: ImportPreview }
  | { ok: false; problems: RowProblem[] };

// The core's all-or-nothing validation, then this capability's own checks.
export function checkSheet(kind: ImportKind, sheet: ImportTable, ctx: ImportContext): SheetCheck {
  const result = validateImport(kind, sheet, ctx.existing);
  if (!result.ok) {
    return {
      ok: false,
      problems: result.errors.map((e) => ({
        line: e.line,
        field: e.field,
        key: `import.error.${e.code}`,
        params: e.params,
      })),
    };
  }
  const problems =
    kind === "students"
      ? [
          ...gradeMismatches(result.rows as ImportedRow<StudentRow>[], ctx.classes),
          ...archivedStudents(result.rows as ImportedRow<StudentRow>[], ctx.archivedNumbers),
        ]
      : kind === "staff"
        ? [
            ...emailsTaken(result.rows as ImportedRow<StaffRow>[], ctx.emailOwners),
            ...unvettedExternals(result.rows as ImportedRow<StaffRow>[], ctx.vetted),
          ]
        : [
            ...unknownCategories(result.rows as ImportedRow<ClubRow>[]),
            ...capacitiesBelowMembers(result.rows as ImportedRow<ClubRow>[], ctx.clubSeats),
            ...venuesOfOtherKind(result.rows as ImportedRow<ClubRow>[], ctx.venueKinds),
          ];
  if (problems.length) return { ok: false, problems: problems.sort((a, b) => a.line - b.line) };
  return { ok: true, rows: result.rows, preview: previewImport(kind, result.rows as never[], ctx.existing) };
}
