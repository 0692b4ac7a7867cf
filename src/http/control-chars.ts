// Pure: the first field of a parsed body or query that holds a control
// character (C0 but tab, line feed and carriage return, which multi-line
// fields need; and DEL), and how many values the body holds. PostgreSQL
// refuses NUL in text ("invalid byte sequence 0x00") and no field of a school
// form has a reason to carry the others, so they are refused before the database.
// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/;

export interface Scan {
  field: string | null;
  values: number;
  tooDeep: boolean;
}

// No school form nests; JSON within the size limit can nest 100,000 deep and
// would overflow the stack of a recursive walk.
export const MAX_DEPTH = 8;

/** Walks objects and arrays (JSON bodies nest); a field is named by its top-level key. */
export function scanFields(input: unknown, limit = Infinity): Scan {
  const scan: Scan = { field: null, values: 0, tooDeep: false };
  const visit = (value: unknown, field: string, depth = 0): boolean => {
    if (typeof value === "string") {
      scan.values++;
      if (CONTROL.test(value)) {
        scan.field = field;
        return false;
      }
      return scan.values <= limit;
    }
    if (typeof value !== "object" || value === null) {
      scan.values++;
      return scan.values <= limit;
    }
    if (depth >= MAX_DEPTH) {
      scan.tooDeep = true;
      return false;
    }
    for (const [key, inner] of Object.entries(value)) {
      const name = field || key;
      if (CONTROL.test(key)) {
        scan.field = name;
        return false;
      }
      if (!visit(inner, name, depth + 1)) return false;
    }
    return true;
  };
  if (input !== undefined && input !== null) visit(input, "");
  return scan;
}
