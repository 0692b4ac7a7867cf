// The proposal instance from the school's own data (issue 23), pure: the
// draft week as the timetable gives it, the children's wishes and the admin's
// choice of clubs and slots. Ids are the school's readable ones (club code,
// staff number, `v<id>` for a venue, `thu-2` for a slot) so a downloaded
// instance reads well; `slotKeys` maps each slot back to (weekday, period).
//
// The policy rules at error level enter here: a grade's homework and sport
// (any session that is not a club, except the grade-wide supervised activity
// beside clubs) stay where they are, so a club for that grade may not take the
// slot; their venues are busy, and their staff are away from the clubs then.

import { availableAt, type StaffHours } from "../../kernel/core";
import type { Entry, ProposalClub, ProposalInstance, Slot, StaffMember, Venue } from "./types";
import type { Student } from "../../allocation/core";

const DAY_CODES = ["", "mon", "tue", "wed", "thu", "fri", "sat", "sun"];

export interface SchoolWeek {
  periods: { id: number; startTime: string; endTime: string; grades: number[] }[];
  entries: {
    weekday: number;
    periodId: number;
    kind: string;
    grades: number[];
    classId: number | null;
    clubId: number | null;
    staffId: number | null;
    venueId: number | null;
  }[];
  staff: { id: number; number: string; active: boolean; availableDays: number[]; availableHours: StaffHours | null }[];
  venues: { id: number; kind: string; capacity: number }[];
  clubs: {
    id: number;
    code: string;
    grades: number[];
    minSize: number;
    maxSize: number;
    staffId: number | null;
    eligibleStaffIds: number[];
    sessionsPerWeek: number;
    venueKind: string | null;
  }[];
}

/** One child's wishes: the clubs ranked (best first, the school's club ids), the weekdays they stay, how many clubs. */
export interface Wish {
  studentNumber: string;
  grade: number;
  familyId: number;
  weekdays: number[];
  clubIds: number[];
  maxClubs: number;
}

export interface SlotKey {
  weekday: number;
  periodId: number;
}

export interface BuiltProposal {
  instance: ProposalInstance;
  /** instance.slots[i] is slotKeys[i]. */
  slotKeys: SlotKey[];
}

/** "4-12": Thursday, period 12 (the form's and the run's way of naming a slot). */
export const slotKeyOf = (weekday: number, periodId: number): string => `${weekday}-${periodId}`;

export function parseSlotKey(key: string): SlotKey | null {
  const m = /^([1-7])-(\d{1,9})$/.exec(key);
  return m ? { weekday: Number(m[1]), periodId: Number(m[2]) } : null;
}

export const venueKey = (id: number): string => `v${id}`;

/** Periods in the order of the day, numbered 1… as the slot ids show them (`thu-2`). */
function periodNumbers(week: SchoolWeek): Map<number, number> {
  return new Map(week.periods.map((p, i) => [p.id, i + 1]));
}

// A session other than a club holds its grades in the slot, unless it is the
// grade-wide supervised activity beside clubs (the timetable's grade rule says the same).
function holdsGrades(e: SchoolWeek["entries"][number]): boolean {
  if (e.kind === "club") return false;
  const wholeGrade = e.classId === null;
  return !(e.kind === "activity" && wholeGrade);
}

export function buildInstance(
  week: SchoolWeek,
  wishes: Wish[],
  choice: { clubIds: number[]; slots: SlotKey[]; seed: number },
): BuiltProposal {
  const numbers = periodNumbers(week);
  const periodOf = new Map(week.periods.map((p) => [p.id, p]));
  const keys = choice.slots.filter((s) => periodOf.has(s.periodId) && DAY_CODES[s.weekday]);
  const slotId = (s: SlotKey) => `${DAY_CODES[s.weekday]}-${numbers.get(s.periodId)}`;
  const slots: Slot[] = keys.map((s) => ({ id: slotId(s), weekday: s.weekday }));
  const chosen = new Set(choice.clubIds);
  // What stays as it is: every session that is not one of the chosen clubs'.
  const staying = week.entries.filter((e) => e.clubId === null || !chosen.has(e.clubId));
  const stayingIn = (s: SlotKey) => staying.filter((e) => e.weekday === s.weekday && e.periodId === s.periodId);

  const venues: Venue[] = week.venues.map((v) => {
    const busy = keys.filter((s) => stayingIn(s).some((e) => e.venueId === v.id)).map(slotId);
    return { id: venueKey(v.id), kind: v.kind, capacity: v.capacity, ...(busy.length ? { busy } : {}) };
  });
  const activeStaff = week.staff.filter((s) => s.active);
  const staff: StaffMember[] = activeStaff.map((m) => ({
    id: m.number,
    slots: keys
      .filter((s) => {
        const p = periodOf.get(s.periodId)!;
        return (
          availableAt(m.availableDays, m.availableHours, s.weekday, p.startTime, p.endTime) &&
          !stayingIn(s).some((e) => e.staffId === m.id)
        );
      })
      .map(slotId),
  }));
  const numberOf = new Map(activeStaff.map((m) => [m.id, m.number]));

  const clubRows = week.clubs.filter((c) => chosen.has(c.id));
  const clubs: ProposalClub[] = clubRows.map((c) => {
    const eligible = c.eligibleStaffIds.length ? c.eligibleStaffIds : c.staffId === null ? [] : [c.staffId];
    const allowed = keys.filter((s) => {
      const period = periodOf.get(s.periodId)!;
      const covered = period.grades.length === 0 || c.grades.every((g) => period.grades.includes(g));
      const free = !stayingIn(s).some((e) => holdsGrades(e) && e.grades.some((g) => c.grades.includes(g)));
      return covered && free;
    });
    return {
      id: c.code,
      ...(c.grades.length ? { grades: [...c.grades] } : {}),
      capacity: c.maxSize,
      minSize: c.minSize,
      sessions: Math.max(1, c.sessionsPerWeek),
      venueKind: c.venueKind,
      staff: eligible.flatMap((id) => (numberOf.has(id) ? [numberOf.get(id)!] : [])),
      fixed: [],
      slots: allowed.map(slotId),
    };
  });

  const slotIds = new Set(slots.map((s) => s.id));
  const venueIds = new Set(venues.map((v) => v.id));
  const codeOf = new Map(clubRows.map((c) => [c.id, c.code]));
  const current: Entry[] = week.entries.flatMap((e) => {
    if (e.kind !== "club" || e.clubId === null || !codeOf.has(e.clubId) || e.venueId === null || e.staffId === null)
      return [];
    const slot = numbers.has(e.periodId) ? slotId(e) : "";
    const staffNo = numberOf.get(e.staffId);
    if (!slotIds.has(slot) || !venueIds.has(venueKey(e.venueId)) || staffNo === undefined) return [];
    return [{ club: codeOf.get(e.clubId)!, slot, venue: venueKey(e.venueId), staff: staffNo }];
  });

  const students: Student[] = wishes.flatMap((w) => {
    // Ranks count among the clubs being placed: a club left out of the proposal cannot be given anyway.
    const choices = w.clubIds.flatMap((id) => (codeOf.has(id) ? [codeOf.get(id)!] : []));
    if (choices.length === 0) return [];
    const stays = keys
      .filter((s) => {
        const grades = periodOf.get(s.periodId)!.grades;
        return w.weekdays.includes(s.weekday) && (grades.length === 0 || grades.includes(w.grade));
      })
      .map(slotId);
    return [
      {
        id: w.studentNumber,
        grade: w.grade,
        slots: stays,
        maxClubs: w.maxClubs,
        choices: [...new Set(choices)],
        group: `F${w.familyId}`,
        pinned: [],
      },
    ];
  });

  return {
    instance: { seed: choice.seed, slots, venues, staff, clubs, students, current },
    slotKeys: keys,
  };
}

/**
 * The slots that hold clubs by default: each (weekday, period) whose sessions are
 * mostly clubs, as the timetable's entry form guesses a slot's kind (`slotKind`).
 */
export function defaultClubSlots(
  periods: { id: number }[],
  slotKind: (weekday: number, periodId: number) => string,
): SlotKey[] {
  // A club period is one that holds clubs on some weekday; on the other weekdays it
  // may hold clubs too unless homework or lessons fill it (a club pulling children out
  // of sport is kept out per club by the clubs' allowed slots). Only the slots the
  // draft already fills with clubs would leave a twice-weekly club nowhere to go.
  const days = [1, 2, 3, 4, 5];
  const clubPeriods = periods.filter((p) => days.some((d) => slotKind(d, p.id) === "club"));
  return days.flatMap((weekday) =>
    clubPeriods
      .filter((p) => !["homework", "lesson"].includes(slotKind(weekday, p.id)))
      .map((p) => ({ weekday, periodId: p.id })),
  );
}
