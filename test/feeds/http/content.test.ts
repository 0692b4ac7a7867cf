// Every kind of feed, fetched as a calendar client does, read back with
// node-ical and expanded over the term, against the sessions the database says
// will happen. Also: what a feed must never carry, and `kehou ical`.
import { expect } from "chai";
import { spawn } from "node:child_process";
import { join } from "node:path";
import type { Express } from "express";
import { forEachDatabase } from "../../support/databases";
import { demoApp, staffLogin } from "../../support/demo-app";
import { loginAs, Agent } from "../../support/http";
import type { DemoLogins } from "../../../seeds/demo";
import { Club, Staff, Student, Term, Venue } from "../../../src/db/entities";
import { schoolToday } from "../../../src/kernel";
import { membersOn } from "../../../src/membership";
import { projectRoot } from "../../../src/config";
import { icalCommand } from "../../../src/feeds/ical-command";
import { unfold } from "../unit/parsed-feed";
import {
  childEntries,
  familyAgent,
  feedPathVia,
  fetchFeed,
  meetingsOf,
  publishedEntries,
  sessionsThatHappen,
  SnapshotEntry,
} from "./support";

interface Case {
  title: string;
  page: () => Promise<string>;
  agent: () => Agent;
  entries: () => Promise<SnapshotEntry[]>;
  cli: () => Promise<string[]>;
}

type IcalRun = { code: number | null; stdout: Buffer; stderr: string };

// `node bin/kehou.js ical …` as a user runs it (stdout through a real pipe, byte for byte) …
function spawnIcal(args: string[], databaseUrl: string): Promise<IcalRun> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [join(projectRoot(), "bin", "kehou.js"), "ical", ...args], {
      env: { ...process.env, DATABASE_URL: databaseUrl },
      cwd: projectRoot(),
    });
    const out: Buffer[] = [];
    let err = "";
    child.stdout.on("data", (c: Buffer) => out.push(c));
    child.stderr.on("data", (c: Buffer) => {
      err += c.toString();
    });
    child.on("error", reject);
    child.on("close", (code) => resolve({ code, stdout: Buffer.concat(out), stderr: err }));
  });
}

// … or, quicker, icalCommand in this process with stdout and stderr captured.
async function runIcal(args: string[], databaseUrl: string): Promise<IcalRun> {
  const out: Buffer[] = [];
  let err = "";
  const capture = (sink: (chunk: string | Uint8Array) => void) =>
    ((chunk: string | Uint8Array, ...rest: unknown[]) => {
      sink(chunk);
      const done = rest.find((r) => typeof r === "function") as (() => void) | undefined;
      done?.();
      return true;
    }) as typeof process.stdout.write;
  // Bound, so the saved writers keep their streams when they are put back.
  const saved = {
    out: process.stdout.write.bind(process.stdout),
    err: process.stderr.write.bind(process.stderr),
    url: process.env.DATABASE_URL,
  };
  process.stdout.write = capture((c) => out.push(Buffer.from(c)));
  process.stderr.write = capture((c) => {
    err += c.toString();
  });
  process.env.DATABASE_URL = databaseUrl;
  try {
    const code = await icalCommand(args);
    return { code, stdout: Buffer.concat(out), stderr: err };
  } finally {
    process.stdout.write = saved.out;
    process.stderr.write = saved.err;
    if (saved.url === undefined) delete process.env.DATABASE_URL;
    else process.env.DATABASE_URL = saved.url;
  }
}

forEachDatabase("calendar feeds: content", (ctx) => {
  let app: Express;
  let logins: DemoLogins;
  let admin: Agent;
  let classTeacher: Agent;
  let family: Agent;
  const bodies = new Map<string, Buffer>();
  const expanded = new Map<string, string[]>();

  before(async function () {
    this.timeout(120_000);
    ({ app, logins } = await demoApp(ctx.db));
    admin = await loginAs(app, staffLogin(logins, "admin"));
    classTeacher = await loginAs(app, staffLogin(logins, "class_teacher"));
    family = await familyAgent(app, { studentNumber: logins.families[1].studentNumber, code: logins.families[1].code });
  });

  const repo = <T extends object>(entity: new () => T) => ctx.db.ds.getRepository(entity);
  const staffBy = (email: string) => repo(Staff).findOneByOrFail({ email });
  const studentBy = (studentNumber: string) => repo(Student).findOneByOrFail({ studentNumber });
  const clubBy = (code: string) => repo(Club).findOneByOrFail({ code });
  const venueBy = (name: string) => repo(Venue).findOneByOrFail({ name });
  const only = async (keep: (e: SnapshotEntry) => boolean) => (await publishedEntries(ctx.db.ds)).filter(keep);
  // The teacher with the most sessions in the week, as an admin would open their feed.
  const busiest = async () => {
    const counts = new Map<number, number>();
    for (const e of await publishedEntries(ctx.db.ds))
      if (e.staffId !== null) counts.set(e.staffId, (counts.get(e.staffId) ?? 0) + 1);
    return repo(Staff).findOneByOrFail({ id: [...counts].sort((a, b) => b[1] - a[1] || a[0] - b[0])[0][0] });
  };

  const cases: Case[] = [
    {
      title: "a class teacher's own feed",
      agent: () => classTeacher,
      page: async () => `/feeds/staff/${(await staffBy("bzr.g3c1@kehou.demo")).id}`,
      entries: async () => {
        const s = await staffBy("bzr.g3c1@kehou.demo");
        return only((e) => e.staffId === s.id);
      },
      cli: async () => ["--staff", (await staffBy("bzr.g3c1@kehou.demo")).staffNumber],
    },
    {
      title: "the busiest teacher's feed, opened by an admin",
      agent: () => admin,
      page: async () => `/feeds/staff/${(await busiest()).id}`,
      entries: async () => {
        const s = await busiest();
        return only((e) => e.staffId === s.id);
      },
      cli: async () => ["--staff", (await busiest()).staffNumber],
    },
    {
      title: "a family's older child's feed",
      agent: () => family,
      page: async () => `/feeds/student/${(await studentBy(logins.families[1].children[0])).id}`,
      entries: async () => childEntries(ctx.db.ds, (await studentBy(logins.families[1].children[0])).id),
      cli: () => Promise.resolve(["--student", logins.families[1].children[0]]),
    },
    {
      title: "the same family's younger child's feed",
      agent: () => family,
      page: async () => `/feeds/student/${(await studentBy(logins.families[1].children[1])).id}`,
      entries: async () => childEntries(ctx.db.ds, (await studentBy(logins.families[1].children[1])).id),
      cli: () => Promise.resolve(["--student", logins.families[1].children[1]]),
    },
    {
      title: "the choir club's feed",
      agent: () => admin,
      page: async () => `/feeds/club/${(await clubBy("choir")).id}`,
      entries: async () => {
        const c = await clubBy("choir");
        return only((e) => e.clubId === c.id);
      },
      cli: () => Promise.resolve(["--club", "choir"]),
    },
    {
      title: "the east playground's venue feed",
      agent: () => admin,
      page: async () => `/feeds/venue/${(await venueBy("东操场")).id}`,
      entries: async () => {
        const v = await venueBy("东操场");
        return only((e) => e.venueId === v.id);
      },
      cli: async () => ["--venue", String((await venueBy("东操场")).id)],
    },
    {
      title: "the whole school's feed",
      agent: () => admin,
      page: () => Promise.resolve("/feeds/school/0"),
      entries: async () => publishedEntries(ctx.db.ds),
      cli: () => Promise.resolve(["--school"]),
    },
  ];

  for (const c of cases) {
    it(`When ${c.title} is fetched and expanded by node-ical, then its meetings are exactly the sessions that happen`, async function () {
      this.timeout(30_000);
      const res = await fetchFeed(app, await feedPathVia(c.agent(), await c.page()));
      expect(res.status).to.equal(200);
      expect(res.headers["content-type"]).to.equal("text/calendar; charset=utf-8");
      const body = res.body as Buffer;
      bodies.set(c.title, body);
      const entries = await c.entries();
      expect(entries.length, "the case has sessions").to.be.greaterThan(0);
      const expected = await sessionsThatHappen(ctx.db.ds, entries);
      const { meetings, idleExdates } = meetingsOf(body.toString("utf8"));
      expanded.set(c.title, meetings);
      expect(meetings.length, "no meeting twice").to.equal(new Set(meetings).size);
      expect(new Set(meetings)).to.deep.equal(expected);
      expect(idleExdates).to.deep.equal([]);
    });
  }

  it("When the demo term is expanded, then holidays and exam days are empty and make-up days run their weekday", async () => {
    const meetings = expanded.get("the whole school's feed")!;
    const dates = new Set(meetings.map((m) => m.split("|")[1]));
    for (const off of ["2026-09-25", "2026-10-01", "2026-10-07", "2026-11-12", "2027-01-01", "2027-01-13"])
      expect(dates.has(off), off).to.equal(false);
    for (const on of ["2026-09-20", "2026-10-10", "2026-10-23"]) expect(dates.has(on), on).to.equal(true);
    // 20 Sep (Sunday) runs Friday's timetable: the Friday sessions, not Thursday's clubs.
    const friday = (await publishedEntries(ctx.db.ds))
      .filter((e) => e.weekday === 5)
      .map((e) => `entry-${e.id}`)
      .sort();
    const sunday = meetings
      .filter((m) => m.split("|")[1] === "2026-09-20")
      .map((m) => m.split("|")[0])
      .sort();
    expect(sunday).to.deep.equal(friday);
  });

  it("When a family's child feed is read, then it names no other child and carries no other class's homework", async () => {
    const [older, younger] = await Promise.all(logins.families[1].children.map(studentBy));
    const otherFamily = await studentBy(logins.families[0].studentNumber);
    for (const [child, title] of [
      [older, cases[2].title],
      [younger, cases[3].title],
    ] as const) {
      const text = unfold(bodies.get(title)!.toString("utf8")).join("\n");
      expect(text).to.not.contain(otherFamily.name);
      const sibling = child === older ? younger : older;
      if (sibling.name !== child.name) expect(text).to.not.contain(sibling.name);
      const others = await repo(Student).find({ where: { archived: false } });
      const leaked = others
        .filter((s) => s.id !== child.id && s.name !== child.name && text.includes(s.name))
        .map((s) => s.name);
      expect(leaked).to.deep.equal([]);
      const otherHomework = (await publishedEntries(ctx.db.ds)).filter(
        (e) => e.kind === "homework" && e.classId !== child.classId,
      );
      for (const e of otherHomework) {
        expect(text).to.not.contain(`entry-${e.id}@`);
        expect(text).to.not.contain(e.title);
      }
    }
  });

  it("When a teacher's feed is read, then every event is theirs and no colleague is named", async () => {
    const me = await staffBy("bzr.g3c1@kehou.demo");
    const text = unfold(bodies.get(cases[0].title)!.toString("utf8")).join("\n");
    const mine = new Set(
      (await publishedEntries(ctx.db.ds)).filter((e) => e.staffId === me.id).map((e) => `entry-${e.id}`),
    );
    const uids = [...text.matchAll(/^UID:(entry-\d+)[@+]/gm)].map((m) => m[1]);
    expect(uids.length).to.be.greaterThan(0);
    expect(uids.filter((u) => !mine.has(u))).to.deep.equal([]);
    const colleagues = (await repo(Staff).find()).filter(
      (s) => s.id !== me.id && s.name !== me.name && text.includes(s.name),
    );
    expect(colleagues.map((s) => s.name)).to.deep.equal([]);
  });

  it("When a feed is built, then titles say the kind, places come from the venue or class, and the description names staff and group size (a club's from the membership ledger)", async () => {
    const text = unfold(bodies.get("the choir club's feed")!.toString("utf8")).join("\n");
    const choir = await clubBy("choir");
    const teacher = await repo(Staff).findOneByOrFail({ id: choir.staffId! });
    expect(text).to.contain(`SUMMARY:${choir.name}（社团）`);
    expect(text).to.contain("LOCATION:音乐教室");
    // The head count is the ledger's members on the school's today, clamped into the term.
    const term = await repo(Term).findOneByOrFail({ current: true });
    const today = await schoolToday(ctx.db.ds);
    const day = today < term.startDate ? term.startDate : today > term.endDate ? term.endDate : today;
    const members = (await membersOn(ctx.db.ds, [choir.id], day)).get(choir.id)!.size;
    expect(text).to.contain(`DESCRIPTION:教师：${teacher.name}\\n人数：${members} / 名额：${choir.maxSize}`);
    const homework = unfold(bodies.get(cases[0].title)!.toString("utf8")).join("\n");
    const size = await repo(Student).countBy({
      classId: (await repo(Student).findOneByOrFail({ studentNumber: logins.families[0].studentNumber })).classId,
      archived: false,
    });
    expect(homework).to.match(/SUMMARY:作业辅导 · 三年级\(1\)班\r?$/m);
    expect(homework).to.match(/LOCATION:三年级\(1\)班\r?$/m);
    expect(homework).to.contain(`人数：${size}`);
  });

  it("When the same feed is fetched twice, then the bytes and the ETag are the same", async () => {
    const path = await feedPathVia(classTeacher, await cases[0].page());
    const [a, b] = [await fetchFeed(app, path), await fetchFeed(app, path)];
    expect(Buffer.compare(a.body as Buffer, b.body as Buffer)).to.equal(0);
    expect(a.headers.etag)
      .to.match(/^"[A-Za-z0-9_-]{32}"$/)
      .and.to.equal(b.headers.etag);
    expect(a.headers["last-modified"]).to.be.a("string").and.to.equal(b.headers["last-modified"]);
    expect(a.headers["cache-control"]).to.equal("private, max-age=900");
  });

  it("When `kehou ical` prints each kind of feed, then its output equals the HTTP body byte for byte", async function () {
    this.timeout(120_000);
    for (const c of cases) {
      const run = await runIcal(await c.cli(), ctx.db.url);
      expect(run.code, `${c.title}: ${run.stderr}`).to.equal(0);
      expect(Buffer.compare(run.stdout, bodies.get(c.title)!), c.title).to.equal(0);
    }
  });

  it("When `node bin/kehou.js ical` prints a child's and a teacher's feed, then what comes out of the pipe equals the HTTP body byte for byte", async function () {
    this.timeout(60_000);
    for (const c of [cases[2], cases[0]]) {
      const run = await spawnIcal(await c.cli(), ctx.db.url);
      expect(run.code, run.stderr).to.equal(0);
      expect(Buffer.compare(run.stdout, bodies.get(c.title)!), c.title).to.equal(0);
    }
  });

  it("When `node bin/kehou.js ical` names an unknown staff number, then it exits 2 and says --staff", async function () {
    this.timeout(60_000);
    const run = await spawnIcal(["--staff", "NOPE"], ctx.db.url);
    expect(run.code).to.equal(2);
    expect(run.stdout.length).to.equal(0);
    expect(run.stderr).to.contain("--staff");
  });

  it("When `kehou ical` is misused or names someone unknown, then it exits 2 naming the flag", async function () {
    this.timeout(60_000);
    const runs: IcalRun[] = [];
    for (const args of [
      [],
      ["--school", "--club", "choir"],
      ["--staff"],
      ["--bogus"],
      ["--staff", "NOPE"],
      ["--student", "00000000"],
      ["--club", "nope"],
      ["--venue", "abc"],
    ]) {
      runs.push(await runIcal(args, ctx.db.url));
    }
    const [staff, student, club, venue] = runs.slice(4);
    for (const r of runs) {
      expect(r.code).to.equal(2);
      expect(r.stdout.length).to.equal(0);
    }
    expect(staff.stderr).to.contain("--staff");
    expect(student.stderr).to.contain("--student");
    expect(club.stderr).to.contain("--club");
    expect(venue.stderr).to.contain("--venue");
  });
});
