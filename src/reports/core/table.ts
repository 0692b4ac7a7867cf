// A Table is what every export takes: a title, columns with headers already
// translated by the caller (the web layer does i18n), and plain rows.
import { formatRate, isRate, Rate } from "./rate";

export type Cell = string | number | boolean | null | undefined | Rate;
export interface Column {
  key: string;
  header: string;
}
export interface Table {
  title: string;
  columns: Column[];
  rows: Array<Record<string, Cell>>;
}

export interface FormatOptions {
  /** Decimals shown for rates, in CSV and as the XLSX number format (default 1: "96.5%"). */
  percentDecimals?: number;
}

// The text a cell shows on a page and in CSV: rates as "96.5%", no figure as "".
export function cellText(cell: Cell, options: FormatOptions = {}): string {
  if (cell == null) return "";
  if (isRate(cell)) return formatRate(cell, options.percentDecimals ?? 1);
  if (typeof cell === "number") return Number.isFinite(cell) ? String(cell) : "";
  return String(cell);
}
