import { deriveFamilies } from "./families";
import { ExistingRecords, indexExisting, matchKey } from "./spec";
import { ImportKind, ImportRowsByKind } from "./validate-import";

export interface PreviewCounts {
  total: number;
  created: number;
  updated: number;
  /** Keys as written in the file, in file order. */
  createdKeys: string[];
  updatedKeys: string[];
}

export interface ImportPreview extends PreviewCounts {
  kind: ImportKind;
  /** Students only: the families the rows make, new or already stored. */
  families?: PreviewCounts;
}

// Shown before the admin commits: how many rows add a record and how many
// change one already stored (matched by student number, staff number, club name).
export function previewImport<K extends ImportKind>(
  kind: K,
  rows: ImportRowsByKind[K][],
  existing: ExistingRecords = {},
): ImportPreview {
  const known = indexExisting(existing);
  if (kind === "students") {
    const students = rows as StudentRows;
    return {
      kind,
      ...count(
        students.map((s) => s.studentNumber),
        known.studentNumbers,
      ),
      families: count(
        deriveFamilies(students).map((f) => f.familyKey),
        known.familyKeys,
      ),
    };
  }
  if (kind === "staff")
    return {
      kind,
      ...count(
        (rows as StaffRows).map((s) => s.staffNumber),
        known.staffNumbers,
      ),
    };
  return {
    kind,
    ...count(
      (rows as ClubRows).map((c) => c.name),
      known.clubNames,
    ),
  };
}

type StudentRows = ImportRowsByKind["students"][];
type StaffRows = ImportRowsByKind["staff"][];
type ClubRows = ImportRowsByKind["clubs"][];

function count(keys: string[], stored: Map<string, string> | undefined): PreviewCounts {
  const updatedKeys = keys.filter((k) => stored?.has(matchKey(k)) ?? false);
  const createdKeys = keys.filter((k) => !(stored?.has(matchKey(k)) ?? false));
  return { total: keys.length, created: createdKeys.length, updated: updatedKeys.length, createdKeys, updatedKeys };
}
