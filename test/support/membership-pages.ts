// What each page and feed that shows club membership says, read the way a
// person (or a calendar client) reads it: one small function per page, each
// fetching through the real app and returning plain ids, so the play-through
// can hold every one of them against the ledger. Add a page here when it
// starts to show membership.
import type { Express } from "express";
import { parse as parseCsv } from "csv-parse/sync";
import type { Agent } from "./http";
import { meetingsInFeed } from "../feeds/unit/parsed-feed";
import { feedPathVia, fetchFeed } from "../feeds/http/support";

const ids = (text: string, pattern: RegExp): number[] => [...text.matchAll(pattern)].map((m) => Number(m[1]));
const sorted = (xs: Iterable<number>): number[] => [...new Set(xs)].sort((a, b) => a - b);

async function page(agent: Agent, path: string): Promise<string> {
  const res = await agent.get(path);
  if (res.status !== 200) throw new Error(`GET ${path} answered ${res.status}`);
  return res.text;
}

/** /results: each of the family's children (by id) with the clubs the page offers to withdraw from. */
export async function resultsPage(family: Agent): Promise<Map<number, number[]>> {
  const html = await page(family, "/results");
  const out = new Map<number, number[]>();
  for (const part of html.split(/<section class="card family-result"/).slice(1)) {
    const id = Number(/aria-labelledby="result-(\d+)"/.exec(part)![1]);
    // Each held club has its leave-a-club link (issue 22: confirmed on its own page).
    out.set(id, sorted(ids(part, /href="\/results\/\d+\/withdraw\/(\d+)"/g)));
  }
  return out;
}

/** The family home: the child the session looks at and the clubs on its result card, by name. */
export async function familyHome(
  family: Agent,
  clubIdByName: Map<string, number>,
): Promise<{ studentId: number | null; clubs: number[] }> {
  const html = await page(family, "/");
  const card = /aria-labelledby="result-(\d+)"/.exec(html);
  const names = [...html.matchAll(/<li class="club-line"><strong>([^<]+)<\/strong>/g)].map((m) => m[1]);
  return { studentId: card ? Number(card[1]) : null, clubs: sorted(names.map((n) => clubIdByName.get(n) ?? -1)) };
}

/** A register (/attendance/sessions/:entryId/:date): the children it expects. */
export async function registerPage(staff: Agent, entryId: number, date: string): Promise<number[]> {
  return sorted(ids(await page(staff, `/attendance/sessions/${entryId}/${date}`), /name="n_(\d+)"/g));
}

/** The gate's dismissal list of a date: the children handed over at `time` (HH:MM), by name. */
export async function dismissalAt(
  admin: Agent,
  date: string,
  time: string,
  childIdByName: Map<string, number>,
): Promise<number[]> {
  const html = await page(admin, `/attendance/dismissal?date=${date}&class=`);
  const section = html.split(`id="batch-${time.replace(":", "")}"`)[1]?.split("</section>")[0] ?? "";
  const names = [...section.matchAll(/<li>([^<]+?)(?:<| *<span)/g)].map((m) => m[1].trim());
  return sorted(names.map((n) => childIdByName.get(n) ?? -1));
}

/** The club report's table (CSV export): members and seats per club, by name. */
export async function clubReportMembers(
  admin: Agent,
  clubIdByName: Map<string, number>,
): Promise<Map<number, { members: number; seats: number }>> {
  const res = await admin
    .get("/admin/reports/clubs.csv")
    .buffer(true)
    .parse((r, done) => {
      const chunks: Buffer[] = [];
      r.on("data", (c: Buffer) => chunks.push(c));
      r.on("end", () => done(null, Buffer.concat(chunks).toString("utf8")));
    });
  if (res.status !== 200) throw new Error(`club report answered ${res.status}`);
  const rows = parseCsv(res.body as string, { bom: true });
  const out = new Map<number, { members: number; seats: number }>();
  for (const row of rows.slice(1))
    if (clubIdByName.has(row[0]))
      out.set(clubIdByName.get(row[0])!, { members: Number(row[1]), seats: Number(row[2]) });
  return out;
}

/** The path of a child's calendar feed, reached through the family's feed page. */
export function childFeedPath(family: Agent, studentId: number): Promise<string> {
  return feedPathVia(family, `/feeds/student/${studentId}`);
}

/**
 * A feed as node-ical reads and expands it: the timetable entry ids meeting on
 * each date (null when the feed is no longer served).
 */
export async function feedEntriesByDate(
  app: Express,
  path: string,
  zone: string,
): Promise<Map<string, Set<number>> | null> {
  const res = await fetchFeed(app, path);
  if (res.status === 404 || res.status === 410) return null;
  if (res.status !== 200) throw new Error(`feed answered ${res.status}`);
  const { meetings } = meetingsInFeed(
    (res.body as Buffer).toString("utf8"),
    zone,
    new Date("2026-01-01T00:00:00Z"),
    new Date("2028-01-01T00:00:00Z"),
  );
  const out = new Map<string, Set<number>>();
  for (const m of meetings) {
    const entryId = /^entry-(\d+)$/.exec(m.uidBase);
    if (entryId) out.set(m.date, new Set([...(out.get(m.date) ?? []), Number(entryId[1])]));
  }
  return out;
}

/** The round's placements page for one club (/admin/rounds/:id/placements?club=): its members and "members/capacity" heading. */
export async function placementsPage(
  admin: Agent,
  roundId: number,
  clubId: number,
): Promise<{ members: number[]; count: number; capacity: number }> {
  const html = await page(admin, `/admin/rounds/${roundId}/placements?club=${clubId}`);
  const section = html.split('<section id="club"')[1] ?? "";
  const heading = /<h2 id="club-title">[^<]*<span class="muted">(\d+)\/(\d+)<\/span>/.exec(section);
  if (!heading) throw new Error(`no club heading on the placements page of club ${clubId}`);
  return {
    members: sorted(ids(section, /name="studentId" value="(\d+)"/g)),
    count: Number(heading[1]),
    capacity: Number(heading[2]),
  };
}

/** The path of a staff member's calendar feed, reached through their own feed page. */
export function staffFeedPath(staff: Agent, staffId: number): Promise<string> {
  return feedPathVia(staff, `/feeds/staff/${staffId}`);
}

/** A club's members list on a date (/admin/clubs/:id/members?date=, its first page): the children, by student number (names repeat). */
export async function clubMembersList(
  admin: Agent,
  clubId: number,
  date: string,
  childIdByNumber: Map<string, number>,
): Promise<number[]> {
  const html = await page(admin, `/admin/clubs/${clubId}/members?date=${date}`);
  return sorted(
    [...html.matchAll(/<tr class="member-row"><td class="mono">([^<]+)<\/td>/g)].map(
      (m) => childIdByNumber.get(m[1]) ?? -1,
    ),
  );
}

/** A class's day (/classes/:id/day?date=): each child (by id) with the clubs they stay for, by name. */
export async function classDay(
  staff: Agent,
  classId: number,
  date: string,
  clubIdByName: Map<string, number>,
): Promise<Map<number, number[]>> {
  const html = await page(staff, `/classes/${classId}/day?date=${date}`);
  const out = new Map<number, number[]>();
  for (const row of html.split(/<tr class="child-row/).slice(1)) {
    const id = Number(/id="child-(\d+)"/.exec(row)![1]);
    const clubs = [
      ...row.split("</tr>")[0].matchAll(/<li><span class="mono">[^<]*<\/span> ([^<]+?) <span class="pill">/g),
    ].map((m) => clubIdByName.get(m[1]) ?? -1);
    out.set(id, sorted(clubs));
  }
  return out;
}

/** The family timetable for the week of `date` (/timetable?week=): the active child's clubs that meet on each date, by name (cancelled ones left out). */
export async function familyWeek(
  family: Agent,
  date: string,
  clubIdByName: Map<string, number>,
): Promise<Map<string, number[]>> {
  const html = await page(family, `/timetable?week=${date}`);
  const out = new Map<string, number[]>();
  for (const day of html.split(/<section class="card fw-day/).slice(1)) {
    const on = /id="day-(\d{4}-\d{2}-\d{2})"/.exec(day)![1];
    const clubs = [
      ...day.matchAll(
        /<li class="fw-session kind-club">\s*<span class="fw-time">[^<]*<\/span>\s*<span class="fw-what"><strong>([^<]+)<\/strong>/g,
      ),
    ];
    out.set(on, sorted(clubs.map((m) => clubIdByName.get(m[1]) ?? -1)));
  }
  return out;
}
