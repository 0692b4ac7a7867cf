// The weekly publicity board (作业公示) as plain data: per day, the homework by tier with
// totals, and the week's totals. Pure: the service loads rows, the view renders this.
import { HOMEWORK_TIERS, type HomeworkTier } from "./tiers";
import { schoolDay, type CalendarEntry, type CalendarIndex } from "../../kernel/core";
import { weekdayOf, type Week } from "./week";

export interface BoardItem {
  id: number;
  classId: number;
  date: string;
  subject: string;
  description: string;
  tier: HomeworkTier;
  written: boolean;
  minutes: number;
  staffId: number | null;
}

export interface BoardDay {
  date: string;
  weekday: number;
  /** A holiday, exam, make-up or event day from the term calendar. */
  note?: { kind: string; name: string };
  tiers: { tier: HomeworkTier; items: BoardItem[] }[];
  count: number;
  writtenMinutes: number;
  totalMinutes: number;
  /** The grade's written limit for the day (homework-limit rule), when the rule applies. */
  limit?: number;
  overLimit: boolean;
}

export interface Board {
  days: BoardDay[];
  count: number;
  writtenMinutes: number;
  totalMinutes: number;
}

const noteOf = (entry: CalendarEntry | undefined) => (entry ? { kind: entry.kind, name: entry.name ?? "" } : undefined);

const sum = (items: BoardItem[], written?: boolean) =>
  items.filter((i) => written === undefined || i.written === written).reduce((s, i) => s + i.minutes, 0);

/**
 * Monday–Friday always; a weekend day only when something happens on it (a make-up day or
 * homework), so an ordinary week prints on one page.
 */
export function buildBoard(week: Week, items: BoardItem[], calendar: CalendarIndex, limit?: number): Board {
  const days = week.days
    .filter(
      (date) =>
        weekdayOf(date) <= 5 || schoolDay(date, calendar).runsWeekday !== null || items.some((i) => i.date === date),
    )
    .map((date): BoardDay => {
      const today = items.filter((i) => i.date === date).sort((a, b) => a.id - b.id);
      const writtenMinutes = sum(today, true);
      return {
        date,
        weekday: weekdayOf(date),
        note: noteOf(calendar.get(date)),
        tiers: HOMEWORK_TIERS.map((tier) => ({ tier, items: today.filter((i) => i.tier === tier) })).filter(
          (t) => t.items.length,
        ),
        count: today.length,
        writtenMinutes,
        totalMinutes: sum(today),
        limit,
        overLimit: limit !== undefined && writtenMinutes > limit,
      };
    });
  return { days, count: items.length, writtenMinutes: sum(items, true), totalMinutes: sum(items) };
}
