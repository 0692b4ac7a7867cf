// Rules for the daily periods (时段) of the service. Pure.

/** "HH:MM" → minutes after midnight. */
export const minutesOf = (time: string): number => Number(time.slice(0, 2)) * 60 + Number(time.slice(3, 5));

export interface PeriodTimes {
  id?: number;
  name: string;
  startTime: string;
  endTime: string;
  grades: number[];
}

// A period ends after it starts (HH:MM compare as minutes of the day).
export const endsAfterStart = (p: PeriodTimes): boolean => minutesOf(p.endTime) > minutesOf(p.startTime);

// A grade cannot be in two periods at once: two periods that share a grade must
// not overlap. Touching ends (16:40 / 16:40) are fine.
export function overlappingPeriod(
  candidate: PeriodTimes,
  others: PeriodTimes[],
): { period: PeriodTimes; grade: number } | null {
  const start = minutesOf(candidate.startTime);
  const end = minutesOf(candidate.endTime);
  for (const other of others) {
    if (candidate.id !== undefined && other.id === candidate.id) continue;
    const grade = candidate.grades.find((g) => other.grades.includes(g));
    if (grade === undefined) continue;
    if (start < minutesOf(other.endTime) && minutesOf(other.startTime) < end) return { period: other, grade };
  }
  return null;
}
