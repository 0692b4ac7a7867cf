// A membership is a span of school dates [fromDate, toDate): toDate is the first
// date the child is no longer in the club (null: open, until further notice).
// An exclusive end lets a seat given and taken back on the same day be an empty
// span rather than a day of membership nobody had. Dates are YYYY-MM-DD, so
// string order is date order.
export interface Span {
  studentId: number;
  clubId: number;
  fromDate: string;
  toDate: string | null;
}

/** The child is in the club on `date`. */
export function activeOn(span: Span, date: string): boolean {
  return span.fromDate <= date && (span.toDate === null || date < span.toDate);
}

/** The child is in the club on at least one date of [from, to] (both included). */
export function activeDuring(span: Span, from: string, to: string): boolean {
  return span.fromDate <= to && (span.toDate === null || from < span.toDate) && !isEmpty(span);
}

/** Ended on the day it began: a seat that was never held. */
export function isEmpty(span: Span): boolean {
  return span.toDate !== null && span.toDate <= span.fromDate;
}

/** The clubs a child has on `date`, each once, in id order. */
export function clubsOf(spans: Span[], studentId: number, date: string): number[] {
  return uniqueSorted(spans.filter((s) => s.studentId === studentId && activeOn(s, date)).map((s) => s.clubId));
}

/** The children in a club on `date`, each once (two spans of one child never count twice). */
export function membersOf(spans: Span[], clubId: number, date: string): number[] {
  return uniqueSorted(spans.filter((s) => s.clubId === clubId && activeOn(s, date)).map((s) => s.studentId));
}

/** Members per club on `date`. */
export function countsOn(spans: Span[], date: string): Map<number, number> {
  const members = new Map<number, Set<number>>();
  for (const s of spans)
    if (activeOn(s, date)) (members.get(s.clubId) ?? members.set(s.clubId, new Set()).get(s.clubId)!).add(s.studentId);
  return new Map([...members].map(([clubId, set]) => [clubId, set.size]));
}

/** A span ends no earlier than it began: closing it before then would rewrite history. */
export function closingDate(span: Pick<Span, "fromDate">, date: string): string {
  return date < span.fromDate ? span.fromDate : date;
}

function uniqueSorted(ids: number[]): number[] {
  return [...new Set(ids)].sort((a, b) => a - b);
}

/** The date a "now" question is asked of a term: today, or the term's nearest end when today is outside it. */
export function dateInTerm(today: string, termStart: string, termEnd: string): string {
  return today < termStart ? termStart : today > termEnd ? termEnd : today;
}

export interface Peak {
  count: number;
  date: string;
}

/**
 * The most children a club holds on one date of [from, to], and the first date
 * it holds them. Counts only change where a span begins, so the peak is on
 * `from` or on some span's first date inside the range.
 */
export function peakOf(spans: Span[], clubId: number, from: string, to: string): Peak {
  const mine = spans.filter((s) => s.clubId === clubId && activeDuring(s, from, to));
  const dates = uniqueDates([from, ...mine.map((s) => s.fromDate).filter((d) => d > from && d <= to)]);
  let peak: Peak = { count: 0, date: from };
  for (const date of dates) {
    const count = membersOf(mine, clubId, date).length;
    if (count > peak.count) peak = { count, date };
  }
  return peak;
}

function uniqueDates(dates: string[]): string[] {
  return [...new Set(dates)].sort();
}
