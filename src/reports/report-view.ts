// One report = one ReportView, built once per request. The page renders its
// tables and charts; the CSV and XLSX exports are written from the very same
// Table objects, so every exported number is the number on the page.
import type { Request, Response } from "express";
import { cellText, toCsv, type Table } from "./core";
import { toXlsx } from "./xlsx";
import { asDownload, downloadName, HttpError } from "../http";

export interface ReportTable {
  key: string;
  table: Table;
  /** Rows shown on the page when the table is long (the exports always hold every row). */
  pageRows?: { from: number; to: number; page: number; pages: number };
}

export interface WeekChoice {
  value: string;
  label: string;
}

export interface ReportView {
  name: string;
  title: string;
  intro?: string;
  notes: string[];
  /** Over-full warnings (members above capacity), flagged apart from other notes. */
  overFull?: string[];
  charts: string[];
  tables: ReportTable[];
  /** The week filter: null = the whole term. */
  weeks?: { options: WeekChoice[]; selected: string | null; allowTerm: boolean };
  /** Links shown under the intro (e.g. each survey's results page). */
  links?: { href: string; label: string }[];
  /** The link back (survey results sit under their survey). */
  back?: { href: string; label: string };
}

export type Format = "html" | "csv" | "xlsx";

// `.csv` / `.xlsx` on the path, or ?format=csv|xlsx: both name the same export.
export function formatOf(req: Request): Format {
  const raw =
    (req.params.format as string | undefined) ?? (typeof req.query.format === "string" ? req.query.format : undefined);
  if (raw === undefined || raw === "" || raw === "html") return "html";
  if (raw === "csv" || raw === "xlsx") return raw;
  throw new HttpError(404, "errors.notFound");
}

/** The query string the export links keep (week, table…), without format. */
export function exportQuery(req: Request, extra: Record<string, string> = {}): string {
  const params = new URLSearchParams();
  for (const [k, v] of Object.entries(req.query))
    if (k !== "format" && k !== "page" && typeof v === "string" && v !== "") params.set(k, v);
  for (const [k, v] of Object.entries(extra)) params.set(k, v);
  const s = params.toString();
  return s ? `?${s}` : "";
}

function attachment(res: Response, name: string, type: string, body: Buffer): void {
  asDownload(res, name).setHeader("Content-Type", type);
  res.send(body);
}

/** What an export's file name says besides the report: the term's name and the school's date. */
export interface FileStamp {
  term: string | null;
  date: string;
}

export async function sendReport(
  req: Request,
  res: Response,
  view: ReportView,
  base: string,
  stamp: FileStamp,
): Promise<void> {
  const format = formatOf(req);
  const fileName = (ext: string, table?: string) =>
    downloadName(["kehou", view.name, view.weeks?.selected, table, stamp.term, stamp.date], ext);
  if (format === "csv") {
    const wanted = typeof req.query.table === "string" ? req.query.table : undefined;
    const chosen = wanted === undefined ? view.tables[0] : view.tables.find((t) => t.key === wanted);
    if (!chosen) throw new HttpError(404, "errors.notFound");
    return attachment(
      res,
      fileName("csv", wanted === undefined ? undefined : chosen.key),
      "text/csv; charset=utf-8",
      toCsv(chosen.table),
    );
  }
  if (format === "xlsx") {
    const body = await toXlsx(view.tables.map((t) => t.table));
    return attachment(res, fileName("xlsx"), "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", body);
  }
  const exportLink = (fmt: "csv" | "xlsx", table?: string) =>
    `${base}.${fmt}${exportQuery(req, table ? { table } : {})}`;
  res.render("reports/report", { title: view.title, view, base, exportLink, cellText });
}
