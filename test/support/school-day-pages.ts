// What each page and output that shows a child's school day says of it (leave,
// absence, early pick-up), read the way a person reads it: one small function
// per page, each fetching through the real app and returning plain values, so
// a term test can hold them against each other (the day's companion of
// membership-pages.ts, which reads club membership).
import { parse as parseCsv } from "csv-parse/sync";
import type { Agent } from "./http";

/** How a page shows one child's day: the mark, leave and early pick-up it shows. */
export interface ShownDay {
  /** The register's chosen mark or the day's mark: present | absent | excused | "" (none). */
  mark: string;
  onLeave: boolean;
  pickedUp: boolean;
  unlisted: boolean;
}

async function page(agent: Agent, path: string): Promise<string> {
  const res = await agent.get(path);
  if (res.status !== 200) throw new Error(`GET ${path} answered ${res.status}`);
  return res.text;
}

const pickupOf = (html: string) => ({
  pickedUp: /class="picked-up/.test(html),
  unlisted: /class="picked-up unlisted"/.test(html),
});

/** A register (/attendance/sessions/:entryId/:date): each child's checked mark, leave pill and pick-up. */
export async function registerDay(staff: Agent, entryId: number, date: string): Promise<Map<number, ShownDay>> {
  const html = await page(staff, `/attendance/sessions/${entryId}/${date}`);
  const out = new Map<number, ShownDay>();
  for (const row of html.split(/<li id="s-/).slice(1)) {
    const id = Number(/^(\d+)"/.exec(row)![1]);
    const part = row.split("</li>")[0];
    out.set(id, {
      mark: /value="(present|absent|excused)" checked/.exec(part)?.[1] ?? "",
      onLeave: part.includes("leave-mark"),
      ...pickupOf(part),
    });
  }
  return out;
}

/** A class's day (/classes/:id/day?date=): each child's day mark, leave and pick-up, and the "away" count. */
export async function classDayMarks(
  staff: Agent,
  classId: number,
  date: string,
): Promise<{ away: number; children: Map<number, ShownDay> }> {
  const html = await page(staff, `/classes/${classId}/day?date=${date}`);
  const children = new Map<number, ShownDay>();
  for (const row of html.split(/<tr class="child-row/).slice(1)) {
    const id = Number(/id="child-(\d+)"/.exec(row)![1]);
    const part = row.split("</tr>")[0];
    children.set(id, {
      mark: /class="mark mark-(absent|excused)"/.exec(part)?.[1] ?? "",
      onLeave: part.includes("leave-mark"),
      ...pickupOf(part),
    });
  }
  return { away: Number(/data-away="(\d+)"/.exec(html)?.[1] ?? -1), children };
}

/** The day summary (/attendance/summary?date=): the names under absences, leave and early pick-ups, and the totals line. */
export async function daySummaryNames(
  staff: Agent,
  date: string,
): Promise<{ absent: string[]; leave: string[]; early: { name: string; unlisted: boolean }[]; totals: string }> {
  const html = await page(staff, `/attendance/summary?date=${date}`);
  const out = { absent: [] as string[], leave: [] as string[], early: [] as { name: string; unlisted: boolean }[] };
  for (const section of html.split(/<section class="card" id="class-/).slice(1)) {
    const [absences, leave, early] = section.split("<h3>").slice(1);
    const names = (part: string) => [...(part ?? "").matchAll(/<strong>([^<]+)<\/strong>/g)].map((m) => m[1]);
    out.absent.push(...names(absences));
    out.leave.push(...names(leave));
    for (const m of (early ?? "").matchAll(/<li class="([^"]*)"><strong>([^<]+)<\/strong>/g))
      out.early.push({ name: m[2], unlisted: m[1] === "unlisted" });
  }
  return { ...out, totals: /<p class="summary-totals">([^<]*)<\/p>/.exec(html)?.[1] ?? "" };
}

/** The family timetable's day (/timetable?week=, the family's active child): whether it shows the child on leave, and the session titles. */
export async function familyDayShown(family: Agent, date: string): Promise<{ onLeave: boolean; sessions: string[] }> {
  const html = await page(family, `/timetable?week=${date}`);
  const day = html.split(`id="day-${date}"`)[1]?.split("</section>")[0] ?? "";
  return {
    onLeave: day.includes('class="pill fw-leave"'),
    sessions: [...day.matchAll(/<span class="fw-what"><strong>([^<]+)<\/strong>/g)].map((m) => m[1]),
  };
}

/** The family home: the absence alerts it shows (their text), read from the alerts block. */
export async function familyHomeAlerts(family: Agent): Promise<string[]> {
  const html = await page(family, "/");
  return [...html.matchAll(/<li class="alert-item[^"]*"[^>]*>([\s\S]*?)<\/li>/g)].map((m) =>
    m[1]
      .replace(/<[^>]+>/g, " ")
      .replace(/\s+/g, " ")
      .trim(),
  );
}

/** The family's pick-up page (/family/pickup): its early pick-ups as text lines. */
export async function familyPickups(family: Agent): Promise<string[]> {
  const html = await page(family, "/family/pickup");
  const section = html.split('aria-labelledby="early-h"')[1] ?? "";
  return [...section.matchAll(/<li[^>]*>([\s\S]*?)<\/li>/g)].map((m) =>
    m[1]
      .replace(/<[^>]+>/g, " ")
      .replace(/\s+/g, " ")
      .trim(),
  );
}

/** The family's leave page (/leave): each request's status class (lv-pending, lv-confirmed…) by its id. */
export async function familyLeave(family: Agent): Promise<Map<number, string>> {
  const html = await page(family, "/leave");
  return new Map(
    [...html.matchAll(/class="card lv-item lv-(\w+)" id="leave-(\d+)"/g)].map((m) => [Number(m[2]), m[1]]),
  );
}

/** The club report's export (clubs.csv): each club's attendance cell, by club name. */
export async function clubAttendanceCells(admin: Agent): Promise<Map<string, string>> {
  const res = await admin
    .get("/admin/reports/clubs.csv")
    .buffer(true)
    .parse((r, done) => {
      const chunks: Buffer[] = [];
      r.on("data", (c: Buffer) => chunks.push(c));
      r.on("end", () => done(null, Buffer.concat(chunks).toString("utf8")));
    });
  if (res.status !== 200) throw new Error(`club report answered ${res.status}`);
  const rows: string[][] = parseCsv(res.body as string, { bom: true });
  const col = rows[0].findIndex((h) => /出勤|Attendance/.test(h));
  return new Map(rows.slice(1).map((r) => [r[0], r[col]]));
}
