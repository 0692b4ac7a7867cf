import { ImportError } from "./codes";
import { matchKey, ParsedRow } from "./spec";
import type { StudentRow } from "./students";

/** A family as the students sheet describes it: siblings share a family key. */
export interface FamilyRow {
  familyKey: string;
  guardianName?: string;
  phone?: string;
  /** Student numbers, in file order. */
  children: string[];
}

// Families are not a sheet of their own: schools list children, one per row,
// with the family's key, guardian and phone repeated (or left blank) on siblings.
export function deriveFamilies(students: StudentRow[]): FamilyRow[] {
  const families = new Map<string, FamilyRow>();
  for (const s of students) {
    const key = matchKey(s.familyKey);
    const family = families.get(key) ?? { familyKey: s.familyKey, children: [] };
    family.guardianName ??= s.guardianName;
    family.phone ??= s.phone;
    family.children.push(s.studentNumber);
    families.set(key, family);
  }
  return [...families.values()].map(({ familyKey, guardianName, phone, children }) => ({
    familyKey,
    children,
    ...(guardianName !== undefined && { guardianName }),
    ...(phone !== undefined && { phone }),
  }));
}

// Siblings must agree on the guardian and phone the family logs in and is
// called with; a blank on one sibling is fine, two different values are not.
export function familyMismatches(rows: ParsedRow<StudentRow>[]): ImportError[] {
  const errors: ImportError[] = [];
  for (const field of ["guardianName", "phone"] as const) {
    const first = new Map<string, { line: number; value: string }>();
    for (const row of rows) {
      const { familyKey, [field]: value } = row.values;
      if (familyKey === undefined || value === undefined) continue;
      const seen = first.get(matchKey(familyKey));
      if (!seen) first.set(matchKey(familyKey), { line: row.line, value });
      else if (seen.value !== value) {
        errors.push({
          line: row.line,
          field,
          code: "family-mismatch",
          params: { value, family: familyKey, firstLine: seen.line, firstValue: seen.value },
        });
      }
    }
  }
  return errors;
}
