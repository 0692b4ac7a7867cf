// How much one import may hold. A school's whole roster fits well inside
// (the demo school has 952 children and 8 columns); past these a file is
// refused with the limit named, before it can cost the server much memory.
// Any change here shows in the messages (they take the figure as a parameter)
// and in bench/imports, which measures an import at exactly these limits.
export const IMPORT_LIMITS = {
  /** Data rows, besides the header row. Blank rows count: they cost memory too. */
  rows: 10_000,
  /** Columns up to the last one with anything in it. */
  columns: 50,
  /** Cells in the whole file (CSV fields; XLSX cell elements over all sheets, and shared strings on their own). */
  cells: 250_000,
  /** Characters in one cell; the longest field any import takes is far shorter. */
  cellChars: 1_000,
  /** MB of an XLSX once unpacked, counting every entry's declared size. */
  unpackedMegabytes: 32,
} as const;

export const UNPACKED_BYTES = IMPORT_LIMITS.unpackedMegabytes * 1024 * 1024;
