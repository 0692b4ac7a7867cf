// What a round offers, as families see it: a club of the term with the
// meetings of the PUBLISHED timetable (never the admin's draft), so families
// rank what runs. The store reads it (store/club-offer.ts); these are its rules.

export interface ClubMeeting {
  weekday: number;
  periodId: number;
  periodNo: number;
  startTime: string;
  endTime: string;
}

export interface OfferedClub {
  id: number;
  code: string;
  name: string;
  category: string;
  description: string;
  grades: number[];
  minSize: number;
  maxSize: number;
  cancelled: boolean;
  staffName: string | null;
  venueName: string | null;
  meetings: ClubMeeting[];
}

/** The distinct weekdays a club meets on. */
export const meetingDays = (club: Pick<OfferedClub, "meetings">): number[] =>
  [...new Set(club.meetings.map((m) => m.weekday))].sort((a, b) => a - b);

// A family can rank a club only if it is open to the child's grade, not
// cancelled, and actually meets (a club with no published meeting cannot run).
export function offeredTo(club: OfferedClub, grade: number): boolean {
  return !club.cancelled && club.grades.includes(grade) && club.meetings.length > 0;
}
