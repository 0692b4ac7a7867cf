import { ImportError } from "./codes";

/** A canonical field and the header spellings schools use for it, best first. */
export interface ColumnSpec {
  field: string;
  required: boolean;
  aliases: readonly string[];
}

// Headers are matched loosely: width, case, spaces, underscores, dashes, a "*"
// required marker and any bracketed note ("电话(手机)") do not matter.
export function normalizeHeader(header: string): string {
  return header
    .normalize("NFKC")
    .toLowerCase()
    .replace(/[([【].*?[)\]】]/g, "")
    .replace(/[\s_\-.:*#'"]/g, "");
}

export type ColumnMap = Record<string, string | undefined>;

// Each field takes the column whose header is its best-ranked alias; two columns
// with the same rank are ambiguous, so the file is refused rather than guessed.
export function mapColumns(
  headers: string[],
  columns: readonly ColumnSpec[],
): { map: ColumnMap; errors: ImportError[] } {
  const map: ColumnMap = {};
  const errors: ImportError[] = [];
  const normalized = headers.map(normalizeHeader);
  for (const spec of columns) {
    const ranked = headers
      .map((header, i) => ({ header, rank: spec.aliases.findIndex((a) => normalizeHeader(a) === normalized[i]) }))
      .filter((c) => c.rank >= 0)
      .sort((a, b) => a.rank - b.rank);
    if (ranked.length === 0) {
      if (spec.required)
        errors.push({ line: 1, field: spec.field, code: "missing-column", params: { column: spec.field } });
      continue;
    }
    if (ranked.length > 1 && ranked[0].rank === ranked[1].rank) {
      errors.push({
        line: 1,
        field: spec.field,
        code: "duplicate-column",
        params: { column: spec.field, first: ranked[0].header, second: ranked[1].header },
      });
      continue;
    }
    map[spec.field] = ranked[0].header;
  }
  return { map, errors };
}
