// One fact per timetable entry (a weekly session): its kind, people, room and size.
import { minutesOfDay, weekdayName } from "../clock";
import type { Localized, PolicyFact, SessionKind } from "../types";
import type { PolicyContext } from "./context";
import { fieldList } from "./fields";

export interface EntryValues {
  entryId: string;
  weekday: number;
  weekdayName: Localized;
  periodId: string;
  periodName?: string;
  start?: string;
  end?: string;
  minutes: number;
  kind: SessionKind;
  kindName: Localized;
  grades: number[];
  classId?: string;
  clubId?: string;
  clubName?: string;
  staffId?: string;
  staffName?: string;
  staffKind?: string;
  venueId?: string;
  venueName?: string;
  venueCapacity?: number;
  expectedSize?: number;
}

export const entryFields = fieldList<EntryValues>({
  entryId: true,
  weekday: true,
  weekdayName: true,
  periodId: true,
  periodName: true,
  start: true,
  end: true,
  minutes: true,
  kind: true,
  kindName: true,
  grades: true,
  classId: true,
  clubId: true,
  clubName: true,
  staffId: true,
  staffName: true,
  staffKind: true,
  venueId: true,
  venueName: true,
  venueCapacity: true,
  expectedSize: true,
});

const KIND_NAMES: Record<SessionKind, Localized> = {
  homework: { "zh-CN": "作业辅导", en: "homework help" },
  club: { "zh-CN": "社团", en: "club" },
  sport: { "zh-CN": "体育活动", en: "sport" },
  activity: { "zh-CN": "活动", en: "activity" },
  lesson: { "zh-CN": "授课", en: "lesson" },
};

// What happens in a session (no new teaching, room big enough) is decided entry by entry.
export function entryFacts(ctx: PolicyContext): PolicyFact<EntryValues>[] {
  return ctx.input.entries.map((e) => {
    const period = ctx.periods.get(e.periodId);
    const staff = e.staffId ? ctx.staff.get(e.staffId) : undefined;
    const venue = e.venueId ? ctx.venues.get(e.venueId) : undefined;
    return {
      kind: "entry" as const,
      target: {
        kind: "entry" as const,
        entryId: e.id,
        weekday: e.weekday,
        periodId: e.periodId,
        classId: e.classId,
        clubId: e.clubId,
        staffId: e.staffId,
        venueId: e.venueId,
      },
      values: {
        entryId: e.id,
        weekday: e.weekday,
        weekdayName: weekdayName(e.weekday),
        periodId: e.periodId,
        periodName: period?.name,
        start: period?.start,
        end: period?.end,
        minutes: period ? minutesOfDay(period.end) - minutesOfDay(period.start) : 0,
        kind: e.kind,
        kindName: KIND_NAMES[e.kind],
        grades: e.grades,
        classId: e.classId,
        clubId: e.clubId,
        clubName: e.clubId ? ctx.clubs.get(e.clubId)?.name : undefined,
        staffId: e.staffId,
        staffName: staff?.name,
        staffKind: staff?.kind,
        venueId: e.venueId,
        venueName: venue?.name,
        venueCapacity: venue?.capacity,
        expectedSize: e.expectedSize,
      },
    };
  });
}
