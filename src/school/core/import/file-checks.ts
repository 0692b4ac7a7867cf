import { ImportError, ImportErrorCode } from "./codes";
import { ImportMode, matchKey, ParsedRow } from "./spec";

type StringField<T> = { [K in keyof T]-?: T[K] extends string | undefined ? K : never }[keyof T] & string;

const valueOf = <T>(row: ParsedRow<T>, field: StringField<T>): string | undefined =>
  row.values[field] as string | undefined;

// A key may appear once per file; every later row repeating it is reported with
// the line where it first appeared.
export function duplicatesInFile<T>(rows: ParsedRow<T>[], field: StringField<T>): ImportError[] {
  const firstLine = new Map<string, number>();
  const errors: ImportError[] = [];
  for (const row of rows) {
    const value = valueOf(row, field);
    if (value === undefined) continue;
    const key = matchKey(value);
    const first = firstLine.get(key);
    if (first === undefined) firstLine.set(key, row.line);
    else errors.push({ line: row.line, field, code: "duplicate", params: { value, firstLine: first } });
  }
  return errors;
}

// In "create" mode an import may only add records, so a key already stored is an error.
export function alreadyExisting<T>(
  rows: ParsedRow<T>[],
  field: StringField<T>,
  known: Map<string, string> | undefined,
  mode: ImportMode,
): ImportError[] {
  if (mode !== "create" || !known) return [];
  return rows.flatMap((row) => {
    const value = valueOf(row, field);
    return value !== undefined && known.has(matchKey(value))
      ? [{ line: row.line, field, code: "already-exists" as const, params: { value } }]
      : [];
  });
}

// A reference (class, venue, staff number) must name a record that exists.
export function unknownReferences<T>(
  rows: ParsedRow<T>[],
  field: StringField<T>,
  known: Map<string, string> | undefined,
  code: ImportErrorCode,
): ImportError[] {
  if (!known) return [];
  return rows.flatMap((row) => {
    const value = valueOf(row, field);
    return value !== undefined && !known.has(matchKey(value))
      ? [{ line: row.line, field, code, params: { value } }]
      : [];
  });
}

// The same for a list of references in one cell (a club's eligible staff): each unknown one is reported.
export function unknownInLists<T>(
  rows: ParsedRow<T>[],
  field: { [K in keyof T]-?: T[K] extends string[] | undefined ? K : never }[keyof T] & string,
  known: Map<string, string> | undefined,
  code: ImportErrorCode,
): ImportError[] {
  if (!known) return [];
  return rows.flatMap((row) =>
    ((row.values[field] as string[] | undefined) ?? [])
      .filter((value) => !known.has(matchKey(value)))
      .map((value) => ({ line: row.line, field, code, params: { value } })),
  );
}

export function stored(known: Map<string, string> | undefined, value: string): string {
  return known?.get(matchKey(value)) ?? value;
}
