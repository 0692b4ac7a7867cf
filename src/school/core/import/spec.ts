import { z } from "zod";
import { ImportError } from "./codes";
import { ColumnSpec } from "./headers";

/** Records already in the database, as the admin spells them. */
export interface ExistingRecords {
  studentNumbers?: Iterable<string>;
  staffNumbers?: Iterable<string>;
  classNames?: Iterable<string>;
  venueNames?: Iterable<string>;
  clubNames?: Iterable<string>;
  familyKeys?: Iterable<string>;
}

/** "upsert" (default): a row whose key exists updates that record.
 * "create": such a row is an error (`already-exists`). */
export type ImportMode = "upsert" | "create";

/** Existing records indexed by matchKey → the stored spelling. An absent list
 * means "not checked" (e.g. no venue list given: venue names are not checked). */
export type Known = { [K in keyof ExistingRecords]?: Map<string, string> };

// Keys compare the way people read them: full-width = half-width, case and
// spaces ignored ("3（2）班" = "3(2)班", "S001" = "s001").
export function matchKey(value: string): string {
  return value.normalize("NFKC").toLowerCase().replace(/\s+/g, "");
}

export function indexExisting(existing: ExistingRecords = {}): Known {
  const known: Known = {};
  for (const [name, values] of Object.entries(existing) as [keyof ExistingRecords, Iterable<string> | undefined][]) {
    if (values) known[name] = new Map([...values].map((v) => [matchKey(v), v]));
  }
  return known;
}

/** A row after its cells were parsed one by one: fields that failed are absent. */
export interface ParsedRow<T> {
  line: number;
  values: Partial<T>;
}

export type RowError = Omit<ImportError, "line">;

/** Everything validateImport needs to know about one kind of import. */
export interface ImportSpec<T> {
  columns: readonly ColumnSpec[];
  /** One zod schema per field, from the cell's text to the typed value. */
  fields: { [K in keyof T]-?: z.ZodType<T[K], string> };
  /** Checks across fields of one row (e.g. min ≤ max), on the fields that parsed. */
  rowRules?: (row: Partial<T>) => RowError[];
  /** Checks across rows and against existing records. */
  fileChecks: (rows: ParsedRow<T>[], known: Known, mode: ImportMode) => ImportError[];
  /** Replaces references by their stored spelling once the row is valid. */
  resolve?: (row: T, known: Known) => T;
}
