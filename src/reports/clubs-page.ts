// Club report (社团): fill rate, waitlist length and attendance rate of each
// club, and the rank profile of the published allocation.
import type { DataSource } from "typeorm";
import type { TFunction } from "i18next";
import { barChart, clubReport, clubTable, rankProfileChart, rankProfileTable } from "./core";
import { schoolToday } from "../kernel";
import { clubAttendance, termClubs, termContext } from "./store/report-data";
import { publishedAllocation } from "./store/allocation-source";
import type { ReportView } from "./report-view";
import { rateBars } from "./texts";
import { overFullClubs } from "../clubs";

const rankLabels = (t: TFunction, n: number) =>
  Array.from({ length: Math.max(n, 1) }, (_, i) => t("reports.clubs.rank", { n: i + 1 }));

export async function clubsView(ds: DataSource, t: TFunction): Promise<ReportView> {
  const base: ReportView = {
    name: "clubs",
    title: t("reports.clubs.title"),
    intro: t("reports.clubs.intro"),
    notes: [],
    charts: [],
    tables: [],
  };
  const ctx = await termContext(ds);
  if (!ctx) return { ...base, notes: [t("reports.noTerm")] };
  const clubs = await termClubs(ds, ctx.cal.term.id);
  const [data, attendance, overFull] = await Promise.all([
    publishedAllocation(ds, ctx.cal.term.id),
    clubAttendance(ds, ctx, await schoolToday(ds)),
    overFullClubs(ds, ctx.cal.term, clubs),
  ]);
  const report = clubReport({
    clubs: clubs.map((c) => ({ id: String(c.id), name: c.name, maxSize: c.maxSize })),
    allocation: data.allocation,
    attendance,
    choices: data.choices,
  });
  const labels = rankLabels(t, report.rankProfile.ranks.length);
  const clubs_ = clubTable(report, {
    title: t("reports.clubs.tableTitle"),
    headers: {
      name: t("reports.col.club"),
      members: t("reports.col.members"),
      maxSize: t("reports.col.maxSize"),
      fill: t("reports.col.fill"),
      waitlist: t("reports.col.waitlist"),
      attendance: t("reports.col.attendance"),
      registers: t("reports.col.registers"),
    },
  });
  const rank = rankProfileTable(report.rankProfile, {
    title: t("reports.clubs.rankTitle"),
    headers: { choice: t("reports.col.choice"), count: t("reports.col.placements"), share: t("reports.col.share") },
    rankLabels: labels,
    unrankedLabel: t("reports.clubs.unranked"),
  });
  const charts = [
    barChart({
      id: "chart-fill",
      title: t("reports.clubs.fillChart"),
      bars: report.clubs.map((c) => ({
        label: c.name,
        value: c.members,
        max: c.maxSize,
        display: `${c.members}/${c.maxSize}`,
      })),
    }),
  ];
  // Attendance bars only once some club register has been taken (before that every bar would be a dash).
  const registersTaken = attendance.some((s) => s.taken && s.expected > 0);
  if (registersTaken) {
    charts.push(
      barChart({
        id: "chart-attendance",
        title: t("reports.clubs.attendanceChart"),
        bars: rateBars(report.clubs.map((c) => ({ label: c.name, rate: c.attendance }))),
      }),
    );
  }
  if (data.published) {
    charts.push(
      barChart({
        id: "chart-waitlist",
        title: t("reports.clubs.waitlistChart"),
        bars: report.clubs.map((c) => ({ label: c.name, value: c.waitlist })),
      }),
    );
    charts.push(
      rankProfileChart({
        id: "chart-rank",
        title: t("reports.clubs.rankChart"),
        rankLabels: labels,
        unrankedLabel: t("reports.clubs.unranked"),
        profiles: [
          { label: t("reports.school"), profile: report.rankProfile },
          ...report.clubs
            .filter((c) => c.rankProfile && c.members > 0)
            .map((c) => ({ label: c.name, profile: c.rankProfile! })),
        ],
      }),
    );
  }
  // A fill above 100 % is a club over its capacity: said in words, not left to the percentage.
  const overFullNames = clubs
    .filter((c) => overFull.has(c.id))
    .map((c) => `${c.name} ${overFull.get(c.id)!.count}/${c.maxSize}`);
  return {
    ...base,
    notes: [
      ...(data.published ? [] : [t("reports.clubs.notPublished")]),
      ...(data.published && !registersTaken ? [t("reports.attendance.noClubRegisters")] : []),
    ],
    overFull: overFullNames.length ? [t("clubs.overFull.report", { names: overFullNames.join(", ") })] : [],
    charts,
    tables: [
      { key: "clubs", table: clubs_ },
      { key: "rank", table: rank },
    ],
  };
}
