// Drives two real iCalendar consumers installed from Debian: python3-icalendar
// (with dateutil to expand RRULE) and khal. Each helper returns null when its
// tool is not on this machine; the test decides whether that is a skip or a failure.
import { spawnSync } from "node:child_process";
import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";

// Debian's python3-icalendar lives under /usr/bin/python3; a pyenv or venv
// python3 earlier in PATH usually lacks it, so both are tried.
const PYTHONS = [process.env.KEHOU_PYTHON, "python3", "/usr/bin/python3"].filter((p): p is string => !!p);

export function findPythonWithIcalendar(): string | null {
  for (const python of PYTHONS) {
    const r = spawnSync(python, ["-c", "import icalendar, dateutil, zoneinfo"], { encoding: "utf8", timeout: 20_000 });
    if (r.status === 0) return python;
  }
  return null;
}

export function hasKhal(): boolean {
  return spawnSync("khal", ["--version"], { encoding: "utf8", timeout: 20_000 }).status === 0;
}

/** Walks every component with icalendar, expands each RRULE with dateutil minus EXDATE, prints JSON. */
const WALK_SCRIPT = String.raw`
import json, sys
from icalendar import Calendar
from dateutil.rrule import rrulestr
from zoneinfo import ZoneInfo

with open(sys.argv[1], "rb") as f:
    cal = Calendar.from_ical(f.read())

def local(dt, zone):
    return dt.astimezone(zone).strftime("%Y-%m-%d %H:%M")

def exdates(ev):
    raw = ev.get("EXDATE")
    if raw is None:
        return []
    lists = raw if isinstance(raw, list) else [raw]
    return [d.dt for l in lists for d in l.dts]

out = {"components": [c.name for c in cal.walk()], "calname": str(cal.get("X-WR-CALNAME")), "events": []}
for ev in cal.walk("VEVENT"):
    start = ev.get("DTSTART")
    tzid = start.params.get("TZID")
    zone = ZoneInfo(tzid)
    dtstart = ev.decoded("DTSTART").replace(tzinfo=None).replace(tzinfo=zone)
    length = ev.decoded("DTEND") - ev.decoded("DTSTART")
    starts = [dtstart]
    rule = ev.get("RRULE")
    if rule is not None:
        text = rule.to_ical().decode()
        skip = {local(d, zone) for d in exdates(ev)}
        starts = [d for d in rrulestr(text, dtstart=dtstart) if local(d, zone) not in skip]
    out["events"].append({
        "uid": str(ev.get("UID")), "tzid": tzid, "summary": str(ev.get("SUMMARY")),
        "description": str(ev.get("DESCRIPTION", "")), "location": str(ev.get("LOCATION", "")),
        "sequence": int(ev.get("SEQUENCE")), "dtstamp": ev.decoded("DTSTAMP").isoformat(),
        "rrule": rule.to_ical().decode() if rule is not None else None,
        "meetings": [[local(d, zone), local(d + length, zone)[11:]] for d in starts],
    })
print(json.dumps(out, ensure_ascii=False))
`;

export interface PythonEvent {
  uid: string;
  tzid: string;
  summary: string;
  description: string;
  location: string;
  sequence: number;
  dtstamp: string;
  rrule: string | null;
  /** [["YYYY-MM-DD HH:MM", "HH:MM" end], …] */
  meetings: [string, string][];
}

export interface PythonReading {
  components: string[];
  calname: string;
  events: PythonEvent[];
}

export function readWithPythonIcalendar(python: string, icsPath: string): PythonReading {
  const r = spawnSync(python, ["-c", WALK_SCRIPT, icsPath], { encoding: "utf8", timeout: 60_000 });
  if (r.status !== 0) throw new Error(`python3-icalendar failed (${r.status}): ${r.stderr}`);
  return JSON.parse(r.stdout) as PythonReading;
}

/** A throw-away khal setup: its own config, vdir and cache, nothing in $HOME. */
export class KhalSandbox {
  private readonly config: string;
  private readonly env: NodeJS.ProcessEnv;

  constructor(dir: string, timeZone: string) {
    mkdirSync(join(dir, "calendar"), { recursive: true });
    for (const d of ["xdg-config", "xdg-data", "xdg-cache"]) mkdirSync(join(dir, d), { recursive: true });
    this.config = join(dir, "khal.conf");
    writeFileSync(
      this.config,
      [
        "[calendars]",
        "[[kehou]]",
        `path = ${join(dir, "calendar")}`,
        "type = calendar",
        "",
        "[locale]",
        `local_timezone = ${timeZone}`,
        `default_timezone = ${timeZone}`,
        "timeformat = %H:%M",
        "dateformat = %Y-%m-%d",
        "longdateformat = %Y-%m-%d",
        "datetimeformat = %Y-%m-%d %H:%M",
        "longdatetimeformat = %Y-%m-%d %H:%M",
        "",
        "[sqlite]",
        `path = ${join(dir, "khal.db")}`,
        "",
      ].join("\n"),
    );
    this.env = {
      ...process.env,
      XDG_CONFIG_HOME: join(dir, "xdg-config"),
      XDG_DATA_HOME: join(dir, "xdg-data"),
      XDG_CACHE_HOME: join(dir, "xdg-cache"),
      LC_ALL: "C.UTF-8",
      LANG: "C.UTF-8",
      TZ: timeZone,
    };
  }

  private run(args: string[]): string {
    const r = spawnSync("khal", ["--config", this.config, ...args], {
      encoding: "utf8",
      env: this.env,
      timeout: 60_000,
      stdio: ["ignore", "pipe", "pipe"],
    });
    if (r.status !== 0) throw new Error(`khal ${args.join(" ")} failed (${r.status}): ${r.stderr}${r.stdout}`);
    return r.stdout;
  }

  /** `khal import --batch`: no questions asked, every event goes into the one calendar. */
  importFile(icsPath: string): void {
    this.run(["import", "--batch", "-a", "kehou", icsPath]);
  }

  /** "uid|YYYY-MM-DD|HH:MM" for each event khal lists on `date`. */
  eventsOn(date: string): string[] {
    return this.run(["list", "--day-format", "", "--format", "{uid}|{start-date}|{start-time}", date, "1d"])
      .split("\n")
      .map((l) => l.trim())
      .filter((l) => l.includes("|"));
  }

  /** `khal printics`: how many events khal finds in a file without importing it. */
  countEventsIn(icsPath: string): number {
    const m = /^(\d+) events? found/m.exec(this.run(["printics", icsPath]));
    return m ? Number(m[1]) : -1;
  }
}
