// Which sessions a leave request covers on a date, and what the registers
// should show for each child. Pure: the store hands in the requests.
import type { IsoDate } from "../../kernel/core";
import type { LeaveKind, LeaveStatus } from "./kinds";

export interface LeaveRow {
  id: number;
  studentId: number;
  fromDate: IsoDate;
  toDate: IsoDate;
  /** One session (a published timetable entry) on a one-day request; null: the whole service. */
  entryId: number | null;
  kind: LeaveKind;
  status: LeaveStatus;
}

/** What a register or a day page needs of a child's leave on one date. */
export interface LeaveMark {
  requestId: number;
  kind: LeaveKind;
  status: LeaveStatus;
  /** The sessions the leave covers that day: every one ("all"), or these entries. */
  entryIds: number[] | "all";
}

// A withdrawn request covers nothing; a queried one still does: the family said the
// child will not come, and the teacher's question does not bring the child to school.
export const isActive = (r: Pick<LeaveRow, "status">): boolean => r.status !== "withdrawn";

export const coversDate = (r: LeaveRow, date: IsoDate): boolean =>
  isActive(r) && r.fromDate <= date && date <= r.toDate;

/** Whether the request covers this session (entry) on this date. */
export const coversSession = (r: LeaveRow, date: IsoDate, entryId: number): boolean =>
  coversDate(r, date) && (r.entryId === null || r.entryId === entryId);

/**
 * Each child's leave on a date. A whole-day request wins over single-session
 * ones (it covers them all); several single-session requests add up. The
 * earliest request names the kind.
 */
export function leaveMarksOn(rows: readonly LeaveRow[], date: IsoDate): Map<number, LeaveMark> {
  const out = new Map<number, LeaveMark>();
  for (const r of [...rows].sort((a, b) => a.id - b.id)) {
    if (!coversDate(r, date)) continue;
    const seen = out.get(r.studentId);
    if (!seen) {
      out.set(r.studentId, {
        requestId: r.id,
        kind: r.kind,
        status: r.status,
        entryIds: r.entryId === null ? "all" : [r.entryId],
      });
    } else if (seen.entryIds !== "all") {
      seen.entryIds = r.entryId === null ? "all" : [...new Set([...seen.entryIds, r.entryId])];
    }
  }
  return out;
}

/** The mark's part for one session: null when the child's leave does not cover it. */
export function leaveForSession(mark: LeaveMark | undefined, entryId: number): LeaveMark | null {
  if (!mark) return null;
  return mark.entryIds === "all" || mark.entryIds.includes(entryId) ? mark : null;
}

/** A family may withdraw a request only before its first day: after that the registers may already count on it. */
export const mayWithdraw = (r: Pick<LeaveRow, "fromDate" | "status">, today: IsoDate): boolean =>
  r.status !== "withdrawn" && r.fromDate > today;

/** A class teacher answers a request until its last day has passed. */
export const mayDecide = (r: Pick<LeaveRow, "toDate" | "status">, today: IsoDate): boolean =>
  r.status !== "withdrawn" && r.toDate >= today;

/** Upcoming (not yet over, or withdrawn before it began and still ahead) vs past, for the family's list. */
export const isPast = (r: Pick<LeaveRow, "toDate">, today: IsoDate): boolean => r.toDate < today;
