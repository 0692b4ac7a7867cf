// What a family can do when its child has no club (issue 22: no dead ends):
// why, in one word; the clubs that still have seats for the child's grade; the
// open round to ask in (a top-up, 补选), else whom to ask: the class teacher, named.
import type { DataSource } from "typeorm";
import type { Student } from "../db";
import { loadClubOffer, offeredTo, roundForChild, roundState, type ClubMeeting } from "../choices";
import { notPlacedWhy, type NotPlacedWhy, type ReasonCode } from "./core";
import { classTeacherOf } from "./store/school";
import { nowIso } from "../db";
import { formatLocal, schoolZone } from "../kernel";
import { memberCountsOn } from "../membership";

export interface NextSteps {
  why: NotPlacedWhy;
  /** Clubs open to the child's grade with seats left today, most seats first. */
  seats: { id: number; name: string; meetings: ClubMeeting[]; left: number }[];
  /** The round open now for the child's grade: the way to ask for one of those seats. */
  openRound: { name: string; closesAt: string; href: string } | null;
  /** Without an open round, the person to ask. */
  teacher: { name: string; className: string } | null;
}

/** At most this many clubs are listed: a phone page, not the club catalogue. */
const MAX_LISTED = 6;

export async function nextSteps(
  ds: DataSource,
  student: Student & { schoolClass: { grade: number } },
  termId: number,
  date: string,
  reasons: ReasonCode[] | null,
): Promise<NextSteps> {
  const grade = student.schoolClass.grade;
  const now = nowIso();
  const [offer, members, round] = await Promise.all([
    loadClubOffer(ds.manager, termId),
    memberCountsOn(ds, termId, date),
    roundForChild(ds.manager, grade, now),
  ]);
  const seats = offer
    .filter((c) => offeredTo(c, grade))
    .map((c) => ({ id: c.id, name: c.name, meetings: c.meetings, left: c.maxSize - (members.get(c.id) ?? 0) }))
    .filter((c) => c.left > 0)
    .sort((a, b) => b.left - a.left || a.id - b.id)
    .slice(0, MAX_LISTED);
  const open = round && roundState(round, now) === "open" ? round : null;
  return {
    why: notPlacedWhy(reasons),
    seats,
    openRound: open && {
      name: open.name,
      closesAt: formatLocal(open.closesAt, await schoolZone(ds)),
      href: `/choices/${student.id}`,
    },
    teacher: open ? null : await classTeacherOf(ds, student.classId),
  };
}
