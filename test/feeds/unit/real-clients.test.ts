// The demo feed as two real consumers read it: python3-icalendar and khal.
// Missing tools make these pending on a workstation and failures under CI=true.
import { expect } from "chai";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { buildCalendar } from "../../../src/feeds/core";
import { demoFeed, demoSessions, FACTS, truthFromFacts } from "./demo-term";
import { findPythonWithIcalendar, hasKhal, KhalSandbox, readWithPythonIcalendar } from "./real-clients";
import type { PythonReading } from "./real-clients";

const TRICKY_DESCRIPTION = "Staff: Wang, Li; 30 seats\nBEGIN:VEVENT <b>bold</b> C:\\art";

function requireTool(ctx: Mocha.Context, present: boolean, what: string): void {
  if (present) return;
  if (process.env.CI === "true")
    throw new Error(`${what} is not installed; CI must have it (apt-get install python3-icalendar khal)`);
  ctx.skip();
}

describe("the demo feed in real calendar clients", function () {
  this.timeout(120_000);
  let dir: string;
  let icsPath: string;

  before(() => {
    dir = mkdtempSync(join(tmpdir(), "kehou-ical-"));
    icsPath = join(dir, "demo.ics");
    const sessions = demoSessions().map((s) => (s.key === "chess-thu" ? { ...s, description: TRICKY_DESCRIPTION } : s));
    writeFileSync(icsPath, buildCalendar(demoFeed({ sessions })));
  });

  after(() => {
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  describe("python3-icalendar", () => {
    let reading: PythonReading;

    before(function () {
      const python = findPythonWithIcalendar();
      requireTool(this, python !== null, "python3 with icalendar and dateutil");
      reading = readWithPythonIcalendar(python!, icsPath);
    });

    it("When it walks the components, then it finds one VCALENDAR, one VTIMEZONE and all 11 VEVENTs", () => {
      expect(reading.components.filter((c) => c === "VCALENDAR")).to.have.length(1);
      expect(reading.components.filter((c) => c === "VTIMEZONE")).to.have.length(1);
      expect(reading.events).to.have.length(11);
      expect(reading.calname).to.equal("Kehou demo school");
      expect(reading.events.every((e) => e.tzid === "Asia/Shanghai")).to.equal(true);
    });

    it("When it expands each RRULE with dateutil minus EXDATE, then the meetings are exactly those of the term facts", () => {
      const got = reading.events.flatMap((e) =>
        e.meetings.map(
          ([start, end]) =>
            `${e.uid.replace(/@.*$/, "").replace(/\+\d{8}$/, "")}|${start.slice(0, 10)}|${start.slice(11)}|${end}`,
        ),
      );
      expect(got.length).to.equal(new Set(got).size);
      expect(new Set(got)).to.deep.equal(truthFromFacts());
    });

    it("When it reads escaped text, then the description comes back unchanged", () => {
      expect(reading.events.find((e) => e.uid === "chess-thu@kehou.local")!.description).to.equal(TRICKY_DESCRIPTION);
    });

    it("When it reads SEQUENCE and DTSTAMP, then they are the input's sequence and lastModified", () => {
      const football = reading.events.find((e) => e.uid === "football-tue@kehou.local")!;
      expect(football.sequence).to.equal(3);
      expect(new Date(football.dtstamp).toISOString()).to.equal("2026-08-28T02:15:30.000Z");
    });
  });

  describe("khal", () => {
    let khal: KhalSandbox;

    before(function () {
      requireTool(this, hasKhal(), "khal");
      khal = new KhalSandbox(join(dir, "khal"), "Asia/Shanghai");
      khal.importFile(icsPath);
    });

    it("When khal reads the file with printics, then it counts all 11 events", () => {
      expect(khal.countEventsIn(icsPath)).to.equal(11);
    });

    it("When listing an ordinary Tuesday, then the football session is there at 16:40", () => {
      expect(khal.eventsOn("2026-09-08")).to.deep.equal(["football-tue@kehou.local|2026-09-08|16:40"]);
    });

    it("When listing make-up Sunday 20 Sep, then both Friday sessions are there", () => {
      expect(khal.eventsOn("2026-09-20")).to.have.members([
        "dance-fri+20260920@kehou.local|2026-09-20|15:40",
        "quilling-fri+20260920@kehou.local|2026-09-20|16:40",
      ]);
    });

    it("When listing National Day, Mid-Autumn Friday, New Year's Day and an exam day, then nothing is on", () => {
      for (const date of ["2026-10-01", "2026-09-25", "2027-01-01", FACTS.exams[0]])
        expect(khal.eventsOn(date), date).to.deep.equal([]);
    });

    it("When listing the term's last day, then the Friday series still runs; a week later it has ended", () => {
      expect(khal.eventsOn("2027-01-15")).to.have.length(2);
      expect(khal.eventsOn("2027-01-22")).to.deep.equal([]);
    });
  });
});
