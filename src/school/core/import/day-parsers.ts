import { fail, ok, Parsed } from "./parsed";

// The service runs Monday (1) to Friday (5); a make-up Saturday runs some weekday's
// timetable, so availability is only ever about weekdays 1–5.
const WEEKDAYS = [1, 2, 3, 4, 5];
const DAY_NAMES: Record<string, number> = {
  "1": 1,
  "2": 2,
  "3": 3,
  "4": 4,
  "5": 5,
  一: 1,
  二: 2,
  三: 3,
  四: 4,
  五: 5,
  mon: 1,
  monday: 1,
  tue: 2,
  tues: 2,
  tuesday: 2,
  wed: 3,
  weds: 3,
  wednesday: 3,
  thu: 4,
  thur: 4,
  thurs: 4,
  thursday: 4,
  fri: 5,
  friday: 5,
};
const EVERY_DAY = ["每天", "全部", "全周", "工作日", "all", "every day", "everyday", "weekdays"];

function dayNumber(token: string): number | undefined {
  return DAY_NAMES[token.replace(/^(周|星期|礼拜)/, "").replace(/\.$/, "")];
}

// Staff availability: "一,三,五", "周一、周三", "周一三五", "mon,wed,fri", "1-5",
// "mon-fri", "周一至周五" or "每天".
export function parseWeekdays(raw: string): Parsed<number[]> {
  const text = raw.normalize("NFKC").trim().toLowerCase();
  const bad = fail<number[]>("bad-weekdays", { value: raw.trim() });
  if (EVERY_DAY.includes(text)) return ok(WEEKDAYS);
  const days = new Set<number>();
  for (const part of text.split(/[,，、;；/\s]+/).filter(Boolean)) {
    const range = part.split(/[-~～—至到]/);
    if (range.length === 2) {
      const [from, to] = range.map(dayNumber);
      if (from === undefined || to === undefined || from > to) return bad;
      for (let d = from; d <= to; d++) days.add(d);
      continue;
    }
    if (range.length > 2) return bad;
    const single = dayNumber(part);
    const run = /^(周|星期|礼拜)?[一二三四五]+$/.test(part)
      ? [...part.replace(/^(周|星期|礼拜)/, "")].map(dayNumber)
      : [single];
    if (run.some((d) => d === undefined)) return bad;
    for (const d of run) days.add(d as number);
  }
  if (days.size === 0) return bad;
  return ok([...days].sort((a, b) => a - b));
}

// Dates as schools type them: 2026-09-01, 2026/9/1, 2026.9.1, 2026年9月1日 or
// 20260901 (XLSX date cells arrive as YYYY-MM-DD). Stored as YYYY-MM-DD.
export function parseDate(raw: string): Parsed<string> {
  const text = raw.normalize("NFKC").trim();
  const match =
    /^(\d{4})[-/.年](\d{1,2})[-/.月](\d{1,2})日?(?:[ T]\d{1,2}:\d{2}(?::\d{2}(?:\.\d+)?)?Z?)?$/.exec(text) ??
    /^(\d{4})(\d{2})(\d{2})$/.exec(text);
  if (!match) return fail("bad-date", { value: raw.trim() });
  const [year, month, day] = match.slice(1, 4).map(Number);
  const date = new Date(Date.UTC(year, month - 1, day));
  const real = year >= 1900 && year <= 2100 && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
  if (!real) return fail("bad-date", { value: raw.trim() });
  return ok(`${year}-${String(month).padStart(2, "0")}-${String(day).padStart(2, "0")}`);
}
