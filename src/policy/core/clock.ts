// Clock times and weekday names, the two small vocabularies every fact uses.
import type { ClockTime, Localized } from "./types";

const CLOCK = /^([01]\d|2[0-3]):([0-5]\d)$/;

// Rules compare times of day; minutes since midnight make that arithmetic.
export function minutesOfDay(time: ClockTime): number {
  const m = CLOCK.exec(time);
  if (!m) throw new Error(`not a clock time (HH:MM): ${JSON.stringify(time)}`);
  return Number(m[1]) * 60 + Number(m[2]);
}

export function isClockTime(value: unknown): value is ClockTime {
  return typeof value === "string" && CLOCK.test(value);
}

export function clockTime(minutes: number): ClockTime {
  const h = Math.floor(minutes / 60);
  const m = minutes % 60;
  return `${String(h).padStart(2, "0")}:${String(m).padStart(2, "0")}`;
}

const ZH = ["", "周一", "周二", "周三", "周四", "周五", "周六", "周日"];
const EN = ["", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"];

// Messages name the weekday in the reader's language.
export function weekdayName(weekday: number | null | undefined): Localized {
  if (!weekday || weekday < 1 || weekday > 7) return { "zh-CN": "未定", en: "unset" };
  return { "zh-CN": ZH[weekday], en: EN[weekday] };
}

/** Total minutes covered by a set of [start, end) intervals, overlaps counted once. */
export function unionMinutes(intervals: [number, number][]): number {
  const sorted = [...intervals].filter(([s, e]) => e > s).sort((a, b) => a[0] - b[0]);
  let total = 0;
  let curStart = -1;
  let curEnd = -1;
  for (const [s, e] of sorted) {
    if (s > curEnd) {
      total += curEnd - curStart;
      curStart = s;
      curEnd = e;
    } else if (e > curEnd) {
      curEnd = e;
    }
  }
  return total + (curEnd - curStart);
}
