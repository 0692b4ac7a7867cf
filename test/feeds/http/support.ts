// Shared by the feed tests: the truth about which sessions happen, worked out
// from the database rows with no code from src/feeds, and helpers to reach
// a feed through its page as its owner would.
import type { DataSource } from "typeorm";
import type { Express } from "express";
import request from "supertest";
import { CalendarDay, Period, Student, Term, Timetable } from "../../../src/db/entities";
import { csrfFrom, loginAs, Agent } from "../../support/http";
import { meetingsInFeed } from "../unit/parsed-feed";

export interface SnapshotEntry {
  id: number;
  weekday: number;
  periodId: number;
  kind: string;
  title: string;
  grades: number[];
  classId: number | null;
  clubId: number | null;
  staffId: number | null;
  venueId: number | null;
}

export async function currentTermOf(ds: DataSource): Promise<Term> {
  return ds.getRepository(Term).findOneByOrFail({ current: true });
}

/** The published snapshot as stored (families and staff see only this). */
export async function publishedEntries(ds: DataSource): Promise<SnapshotEntry[]> {
  const term = await currentTermOf(ds);
  const timetable = await ds.getRepository(Timetable).findOneByOrFail({ termId: term.id });
  return (timetable.published ?? []) as SnapshotEntry[];
}

/** The spec's rule for a child: their class's homework, their grade's sport and activities. */
export async function childEntries(ds: DataSource, studentId: number): Promise<SnapshotEntry[]> {
  const child = await ds
    .getRepository(Student)
    .findOneOrFail({ where: { id: studentId }, relations: { schoolClass: true } });
  return (await publishedEntries(ds)).filter(
    (e) =>
      (e.kind === "homework" && e.classId === child.classId) ||
      ((e.kind === "sport" || e.kind === "activity") &&
        e.classId === null &&
        e.grades.includes(child.schoolClass.grade)),
  );
}

const DAY_MS = 86_400_000;
const isoWeekday = (date: string) => new Date(`${date}T00:00:00Z`).getUTCDay() || 7;

/**
 * "entry-<id>|date|start|end" for every meeting of `entries` in the current term:
 * no service on holidays and exam days, none at weekends, and a make-up day
 * runs the weekday the school chose.
 */
export async function sessionsThatHappen(ds: DataSource, entries: SnapshotEntry[]): Promise<Set<string>> {
  const term = await currentTermOf(ds);
  const days = new Map((await ds.getRepository(CalendarDay).findBy({ termId: term.id })).map((d) => [d.date, d]));
  const periods = new Map((await ds.getRepository(Period).findBy({ termId: term.id })).map((p) => [p.id, p]));
  const out = new Set<string>();
  for (let t = Date.parse(`${term.startDate}T00:00:00Z`); t <= Date.parse(`${term.endDate}T00:00:00Z`); t += DAY_MS) {
    const date = new Date(t).toISOString().slice(0, 10);
    const special = days.get(date);
    if (special?.kind === "holiday" || special?.kind === "exam") continue;
    const weekday = special?.kind === "makeup" ? special.runsWeekday! : isoWeekday(date);
    if (weekday > 5) continue;
    for (const e of entries) {
      if (e.weekday !== weekday) continue;
      const p = periods.get(e.periodId)!;
      out.add(`entry-${e.id}|${date}|${p.startTime}|${p.endTime}`);
    }
  }
  return out;
}

/** The meetings a feed describes, as node-ical reads and expands it over the term (and well beyond). */
export function meetingsOf(ics: string): { meetings: string[]; idleExdates: string[] } {
  const { meetings, idleExdates } = meetingsInFeed(
    ics,
    "Asia/Shanghai",
    new Date("2026-01-01T00:00:00Z"),
    new Date("2028-01-01T00:00:00Z"),
  );
  return { meetings: meetings.map((m) => `${m.uidBase}|${m.date}|${m.start}|${m.end}`), idleExdates };
}

/** The https feed URL shown on a feed page. */
export function feedUrlOn(html: string): string {
  const m = /id="feed-url"[^>]*value="([^"]+)"/.exec(html);
  if (!m) throw new Error("no feed URL on the page");
  return m[1];
}

/** The path of the feed file, as a calendar client would fetch it, reached through the owner's feed page. */
export async function feedPathVia(agent: Agent, page: string): Promise<string> {
  const res = await agent.get(page);
  if (res.status !== 200) throw new Error(`${page} answered ${res.status}`);
  return new URL(feedUrlOn(res.text)).pathname;
}

/** Fetches a feed anonymously, as a calendar client does (no cookies). */
export function fetchFeed(app: Express, path: string) {
  return request(app)
    .get(path)
    .buffer(true)
    .parse((res, done) => {
      const chunks: Buffer[] = [];
      res.on("data", (c: Buffer) => chunks.push(c));
      res.on("end", () => done(null, Buffer.concat(chunks)));
    });
}

/** A family logged in and past the privacy notice. */
export async function familyAgent(app: Express, creds: { studentNumber: string; code: string }): Promise<Agent> {
  const agent = await loginAs(app, creds);
  const token = csrfFrom((await agent.get("/privacy")).text);
  await agent.post("/privacy/accept").type("form").send({ _csrf: token, accept: "1" }).expect(302);
  return agent;
}
