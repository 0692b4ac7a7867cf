// What calendar clients rely on between two downloads of the same feed.
import { expect } from "chai";
import { buildCalendar } from "../../../src/feeds/core";
import { demoFeed, demoSessions } from "./demo-term";
import { eventBlocks, parseEvents, unfold } from "./parsed-feed";

function withSession(key: string, change: Record<string, unknown>) {
  return demoFeed({ sessions: demoSessions().map((s) => (s.key === key ? { ...s, ...change } : s)) });
}

function prop(lines: string[], name: string): string[] {
  return lines.filter((l) => l.startsWith(`${name}:`) || l.startsWith(`${name};`));
}

describe("buildCalendar output properties", () => {
  const ics = buildCalendar(demoFeed());
  const blocks = eventBlocks(ics);

  it("When the same input is built twice, then the bytes are identical", () => {
    expect(buildCalendar(demoFeed())).to.equal(ics);
  });

  it("When sessions and special days arrive in another order, then the bytes are identical", () => {
    const feed = demoFeed();
    expect(
      buildCalendar({ ...feed, sessions: [...feed.sessions].reverse(), specialDays: [...feed.specialDays!].reverse() }),
    ).to.equal(ics);
  });

  it("When the process runs in another time zone, then the bytes are identical", () => {
    const saved = process.env.TZ;
    try {
      process.env.TZ = "America/Los_Angeles";
      expect(new Date(2026, 8, 1).getTimezoneOffset()).to.not.equal(-480);
      expect(buildCalendar(demoFeed())).to.equal(ics);
    } finally {
      if (saved === undefined) delete process.env.TZ;
      else process.env.TZ = saved;
    }
  });

  it("When a session's time and title change, then its UID stays and SEQUENCE and DTSTAMP follow the input", () => {
    const changed = buildCalendar(
      withSession("chess-thu", {
        start: "16:50",
        end: "17:50",
        summary: "Chess club",
        sequence: 4,
        lastModified: "2026-10-15T09:30:00Z",
      }),
    );
    const before = blocks.get("chess-thu@kehou.local")!;
    const after = eventBlocks(changed).get("chess-thu@kehou.local")!;
    expect(prop(before, "SEQUENCE")).to.deep.equal(["SEQUENCE:0"]);
    expect(prop(after, "SEQUENCE")).to.deep.equal(["SEQUENCE:4"]);
    expect(prop(after, "DTSTAMP")).to.deep.equal(["DTSTAMP:20261015T093000Z"]);
    expect(prop(after, "DTSTART")).to.deep.equal(["DTSTART;TZID=Asia/Shanghai:20260903T165000"]);
    expect([...eventBlocks(changed).keys()]).to.deep.equal([...blocks.keys()]);
  });

  it("When a feed is parsed, then every DTSTAMP and LAST-MODIFIED equals the session's lastModified", () => {
    const byKey = new Map(demoSessions().map((s) => [s.key, s.lastModified]));
    for (const ev of parseEvents(ics)) {
      const key = ev.uid.replace(/[+@].*$/, "");
      expect(ev.dtstamp.toISOString(), ev.uid).to.equal(new Date(byKey.get(key)!).toISOString());
      expect(ev.lastmodified!.toISOString(), ev.uid).to.equal(new Date(byKey.get(key)!).toISOString());
    }
    expect(prop(blocks.get("football-tue@kehou.local")!, "DTSTAMP")).to.deep.equal(["DTSTAMP:20260828T021530Z"]);
    expect(prop(blocks.get("football-tue@kehou.local")!, "SEQUENCE")).to.deep.equal(["SEQUENCE:3"]);
  });

  it("When a series has EXDATEs, then each carries the TZID and the time of day of its DTSTART", () => {
    let seen = 0;
    for (const [uid, lines] of blocks) {
      const start = prop(lines, "DTSTART")[0];
      for (const ex of prop(lines, "EXDATE")) {
        const [params, values] = ex.split(":");
        expect(params, uid).to.equal("EXDATE;TZID=Asia/Shanghai");
        for (const v of values.split(",")) {
          expect(v, uid).to.match(/^\d{8}T\d{6}$/);
          expect(v.slice(8), uid).to.equal(start.slice(-7));
          seen++;
        }
      }
    }
    expect(seen).to.be.greaterThan(20);
  });

  it("When a series repeats, then RRULE is weekly until the end of 15 Jan 2027 in Beijing, written in UTC with Z", () => {
    const rules = [...blocks.values()].flatMap((l) => prop(l, "RRULE"));
    expect(rules).to.have.length(8);
    for (const r of rules) expect(r).to.equal("RRULE:FREQ=WEEKLY;UNTIL=20270115T155959Z");
  });

  it("When the calendar is written, then it names itself, its zone and how often to refresh", () => {
    const lines = unfold(ics);
    expect(lines).to.include.members([
      "X-WR-CALNAME:Kehou demo school",
      "X-WR-TIMEZONE:Asia/Shanghai",
      "REFRESH-INTERVAL;VALUE=DURATION:PT6H",
      "X-PUBLISHED-TTL:PT6H",
      "PRODID:-//Kehou//Kehou Calendar//EN",
      "VERSION:2.0",
    ]);
    expect(lines.filter((l) => l === "BEGIN:VTIMEZONE")).to.have.length(1);
    expect(lines).to.include("TZID:Asia/Shanghai");
  });

  it("When the text is written, then every line ends in CRLF and no line is longer than 75 octets", () => {
    expect(ics.endsWith("END:VCALENDAR\r\n")).to.equal(true);
    expect(ics.replace(/\r\n/g, "")).to.not.match(/[\r\n]/);
    for (const line of ics.split("\r\n")) expect(Buffer.byteLength(line), line).to.be.at.most(75);
  });

  it("When a session has a location and description, then LOCATION and DESCRIPTION carry them", () => {
    const ev = parseEvents(ics).find((e) => e.uid === "homework-mon@kehou.local")!;
    expect(ev.location).to.equal("一年级(1)班");
    expect(ev.description).to.equal("Staff: T001 Wang Li; group of 30");
    expect(ev.summary).to.equal("作业辅导 Homework help");
  });

  it("When a feed has no sessions (a new staff member), then it is a readable calendar with no events", () => {
    const empty = buildCalendar(demoFeed({ sessions: [] }));
    expect(parseEvents(empty)).to.deep.equal([]);
    expect(unfold(empty)).to.include.members(["BEGIN:VCALENDAR", "X-WR-CALNAME:Kehou demo school", "END:VCALENDAR"]);
  });

  it("When a make-up day has a name, then its event's description adds it on a new line", () => {
    const ev = parseEvents(ics).find((e) => e.uid === "dance-fri+20260920@kehou.local")!;
    expect(ev.description).to.equal("Staff: T001 Wang Li; group of 30\n调休上班");
  });
});
