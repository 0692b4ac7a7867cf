// Cells the timetable proposer needs (issue 23): a club's eligible staff, its
// sessions a week and the venue kind it needs; a staff member's time windows.
import { windowProblem, type StaffHours } from "../../../kernel/core";
import { VENUE_KINDS, type VenueKind } from "../venue-kinds";
import { parseWeekdays } from "./day-parsers";
import { fail, ok, Parsed } from "./parsed";
import { parseCount, parseId } from "./text-parsers";

// Staff numbers as a list: "T001、T002", "T001, T002" or "T001; T002".
export function parseStaffNumbers(raw: string): Parsed<string[]> {
  const parts = raw
    .normalize("NFKC")
    .split(/[、,;\s]+/)
    .filter(Boolean);
  const numbers: string[] = [];
  for (const part of parts) {
    const id = parseId(part);
    if (!id.ok) return fail("bad-staff-list", { value: raw.trim() });
    if (!numbers.includes(id.value)) numbers.push(id.value);
  }
  return numbers.length ? ok(numbers) : fail("bad-staff-list", { value: raw.trim() });
}

// "2", "2次" or "每周2次"; a club meets one to five times a week.
export function parseSessionsPerWeek(raw: string): Parsed<number> {
  const text = raw
    .normalize("NFKC")
    .trim()
    .replace(/^每周\s*/, "")
    .replace(/\s*(次|times?)$/i, "");
  return parseCount(1, 5)(text);
}

// A venue kind by its code ("music") or by its label in either language, as the
// venue form shows it ("音乐教室", "Music room"), or a few words schools use.
// test/school/unit/import checks every label of both locale files is here.
const KIND_WORDS: Record<VenueKind, string[]> = {
  classroom: ["普通教室", "教室", "classroom"],
  field: ["室外场地（操场、球场）", "室外场地", "操场", "球场", "outdoor field or court", "field", "court"],
  sportsHall: ["室内运动场馆", "体育馆", "风雨操场", "indoor sports hall", "sports hall", "gym"],
  music: ["音乐教室", "音乐室", "music room"],
  dance: ["舞蹈房", "舞蹈室", "舞蹈教室", "dance studio"],
  art: ["美术 / 手工教室", "美术教室", "手工教室", "美术室", "art and crafts room", "art room"],
  science: ["科学 / 创客教室", "科学教室", "创客教室", "实验室", "science or maker room", "science room", "lab"],
  computer: ["计算机教室", "电脑教室", "微机室", "机房", "computer room", "computer lab"],
  library: ["图书馆 / 阅览室", "图书馆", "阅览室", "library or reading room", "library"],
  hall: ["礼堂 / 报告厅", "礼堂", "报告厅", "assembly hall", "hall"],
  other: ["其他", "其它", "other"],
};
const ANY_KIND = ["任意", "不限", "任意场地", "any", "any venue"];
const kindKey = (s: string) => s.normalize("NFKC").toLowerCase().replace(/\s+/g, "");
const KIND_OF = new Map<string, VenueKind | null>([
  ...ANY_KIND.map((w) => [kindKey(w), null] as const),
  ...VENUE_KINDS.flatMap((k) => [k, ...KIND_WORDS[k]].map((w) => [kindKey(w), k] as const)),
]);

/** The kind, or null for "any kind" (任意). */
export function parseVenueKind(raw: string): Parsed<VenueKind | null> {
  const kind = KIND_OF.get(kindKey(raw));
  return kind === undefined ? fail("bad-venue-kind", { value: raw.trim() }) : ok(kind);
}

const ALL_DAY = ["全天", "整天", "all day", "whole day"];
const ENTRY = /^(.+?)\s*(\d{1,2}:\d{2})\s*(?:-|~|～|—|–|至|到|to)\s*(\d{1,2}:\d{2})$/i;
const clock = (t: string) => t.padStart(5, "0");

// Time windows by weekday, the staff form's rules (kernel/core/staff-hours):
// "周一 15:30-17:30; 周四 16:00-17:30", "Tue, Thu 16:30-18:00", one window per
// weekday. "全天" / "all day" clears them (the whole service day on every available day).
export function parseStaffHours(raw: string): Parsed<StaffHours | null> {
  const text = raw.normalize("NFKC").trim();
  if (ALL_DAY.includes(text.toLowerCase())) return ok(null);
  const hours: StaffHours = {};
  for (const entry of text
    .split(/[;\n]+/)
    .map((e) => e.trim())
    .filter(Boolean)) {
    const bad = fail<StaffHours | null>("bad-hours", { value: entry });
    const match = ENTRY.exec(entry);
    if (!match) return bad;
    const days = parseWeekdays(match[1].replace(/[,、\s]+$/, ""));
    const [from, to] = [clock(match[2]), clock(match[3])];
    if (!days.ok || windowProblem(from, to)) return bad;
    for (const day of days.value) {
      if (hours[String(day)]) return bad;
      hours[String(day)] = { from, to };
    }
  }
  return Object.keys(hours).length ? ok(hours) : fail("bad-hours", { value: text });
}
