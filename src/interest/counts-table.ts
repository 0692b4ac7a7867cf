// The counts per club as an export table (headers in the page's language).
import type { Table } from "../reports/core";
import type { ClubCount } from "./core";

type T = (key: string, params?: Record<string, unknown>) => string;

export function countsTable(counts: ClubCount[], grades: number[], title: string, t: T): Table {
  return {
    title,
    columns: [
      { key: "club", header: t("interest.counts.club") },
      { key: "ticks", header: t("interest.counts.ticks") },
      { key: "mostWanted", header: t("interest.counts.mostWanted") },
      ...grades.map((g) => ({ key: `g${g}`, header: t("interest.counts.grade", { grade: g }) })),
    ],
    rows: counts.map((c) => ({
      club: c.name,
      ticks: c.ticks,
      mostWanted: c.mostWanted,
      ...Object.fromEntries(grades.map((g) => [`g${g}`, c.byGrade[g] ?? 0])),
    })),
  };
}
