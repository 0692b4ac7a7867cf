// The autumn 2026 demo term from the design notes (State Council 2026 holiday
// notice), with a small weekly timetable, as a FeedInput for the tests.
import type { FeedInput, SpecialDay, WeeklySession } from "../../../src/feeds/core";

export const TERM = { startDate: "2026-09-01", endDate: "2027-01-15" };

/** Plain facts, kept separate from the FeedInput so tests can compute the truth on their own. */
export const FACTS = {
  holidays: [
    "2026-09-25",
    "2026-09-26",
    "2026-09-27", // Mid-Autumn Festival, Fri–Sun
    "2026-10-01",
    "2026-10-02",
    "2026-10-03",
    "2026-10-04",
    "2026-10-05",
    "2026-10-06",
    "2026-10-07", // National Day
    "2027-01-01", // New Year's Day
  ],
  exams: ["2026-11-12", "2026-11-13", "2027-01-13", "2027-01-14"],
  /** make-up day → the weekday (1 = Mon) whose timetable it runs; the school's call. */
  makeUps: { "2026-09-20": 5, "2026-10-10": 3 } as Record<string, 1 | 2 | 3 | 4 | 5>,
  sportsMeet: "2026-10-23",
};

export function demoSpecialDays(): SpecialDay[] {
  return [
    ...FACTS.holidays.map((date) => ({
      date,
      kind: "holiday" as const,
      name: date.startsWith("2027") ? "元旦" : date < "2026-10-01" ? "中秋节" : "国庆节",
    })),
    ...FACTS.exams.map((date) => ({ date, kind: "exam" as const, name: "考试" })),
    ...Object.entries(FACTS.makeUps).map(([date, runsWeekday]) => ({
      date,
      kind: "makeup" as const,
      runsWeekday,
      name: "调休上班",
    })),
    { date: FACTS.sportsMeet, kind: "event", name: "秋季运动会" },
  ];
}

function session(
  key: string,
  weekday: 1 | 2 | 3 | 4 | 5,
  start: string,
  end: string,
  summary: string,
  extra: Partial<WeeklySession> = {},
): WeeklySession {
  return {
    key,
    weekday,
    start,
    end,
    summary,
    location: "Room 101",
    description: "Staff: T001 Wang Li; group of 30",
    sequence: 0,
    lastModified: "2026-08-20T08:00:00Z",
    ...extra,
  };
}

export function demoSessions(): WeeklySession[] {
  return [
    session("homework-mon", 1, "15:40", "16:40", "作业辅导 Homework help", { location: "一年级(1)班" }),
    session("football-tue", 2, "16:40", "17:40", "Football", {
      location: "Playground",
      sequence: 3,
      lastModified: "2026-08-28T02:15:30Z",
    }),
    session("abacus-wed", 3, "15:40", "16:40", "珠心算 Mental abacus", {
      cancelledDates: ["2026-10-10", "2026-12-02"],
    }),
    session("painting-wed", 3, "16:40", "17:40", "Painting"),
    session("choir-thu", 4, "15:40", "16:40", "Choir", { cancelledDates: ["2026-12-03"] }),
    session("chess-thu", 4, "16:40", "17:40", "Chess"),
    session("dance-fri", 5, "15:40", "16:40", "Dance"),
    session("quilling-fri", 5, "16:40", "17:40", "衍纸 Paper quilling"),
  ];
}

export function demoFeed(overrides: Partial<FeedInput> = {}): FeedInput {
  return {
    name: "Kehou demo school",
    timezone: "Asia/Shanghai",
    refreshMinutes: 360,
    uidDomain: "kehou.local",
    prodId: "-//Kehou//Kehou Calendar//EN",
    term: { ...TERM },
    specialDays: demoSpecialDays(),
    sessions: demoSessions(),
    ...overrides,
  };
}

/**
 * The meetings of the demo term as "key|YYYY-MM-DD|HH:MM|HH:MM", worked out
 * from FACTS alone, with no code from src/feeds.
 */
export function truthFromFacts(): Set<string> {
  const out = new Set<string>();
  const noService = new Set([...FACTS.holidays, ...FACTS.exams]);
  for (
    let t = Date.parse(`${TERM.startDate}T00:00:00Z`);
    t <= Date.parse(`${TERM.endDate}T00:00:00Z`);
    t += 86_400_000
  ) {
    const date = new Date(t).toISOString().slice(0, 10);
    if (noService.has(date)) continue;
    const jsDay = new Date(t).getUTCDay(); // 0 = Sunday
    const weekday = FACTS.makeUps[date] ?? (jsDay >= 1 && jsDay <= 5 ? jsDay : null);
    if (weekday === null) continue;
    for (const s of demoSessions()) {
      if (s.weekday === weekday && !(s.cancelledDates ?? []).includes(date))
        out.add(`${s.key}|${date}|${s.start}|${s.end}`);
    }
  }
  return out;
}
