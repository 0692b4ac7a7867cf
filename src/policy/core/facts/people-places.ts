// Staff, venues and clubs: one fact each, with their weekly totals from the timetable.
import type { IsoDate, PolicyFact } from "../types";
import type { PolicyContext } from "./context";
import { fieldList } from "./fields";

export interface StaffValues {
  staffId: string;
  name: string;
  kind: "teacher" | "external";
  vettedOn?: IsoDate;
  isVetted: boolean;
  sessionsPerWeek: number;
}

export const staffFields = fieldList<StaffValues>({
  staffId: true,
  name: true,
  kind: true,
  vettedOn: true,
  isVetted: true,
  sessionsPerWeek: true,
});

// Workload and background checks are about a person, whatever sessions they run.
export function staffFacts(ctx: PolicyContext): PolicyFact<StaffValues>[] {
  return ctx.input.staff.map((s) => ({
    kind: "staff" as const,
    target: { kind: "staff" as const, staffId: s.id },
    values: {
      staffId: s.id,
      name: s.name,
      kind: s.kind,
      vettedOn: s.vettedOn,
      isVetted: Boolean(s.vettedOn),
      sessionsPerWeek: ctx.input.entries.filter((e) => e.staffId === s.id).length,
    },
  }));
}

export interface VenueValues {
  venueId: string;
  name: string;
  capacity: number;
  sessionsPerWeek: number;
  largestExpectedSize: number;
}

export const venueFields = fieldList<VenueValues>({
  venueId: true,
  name: true,
  capacity: true,
  sessionsPerWeek: true,
  largestExpectedSize: true,
});

// A room's use over the week, for rules about a venue rather than one session in it.
export function venueFacts(ctx: PolicyContext): PolicyFact<VenueValues>[] {
  return ctx.input.venues.map((v) => {
    const uses = ctx.input.entries.filter((e) => e.venueId === v.id);
    return {
      kind: "venue" as const,
      target: { kind: "venue" as const, venueId: v.id },
      values: {
        venueId: v.id,
        name: v.name,
        capacity: v.capacity,
        sessionsPerWeek: uses.length,
        largestExpectedSize: Math.max(0, ...uses.map((e) => e.expectedSize ?? 0)),
      },
    };
  });
}

export interface ClubValues {
  clubId: string;
  name: string;
  minSize: number;
  maxSize: number;
  members?: number;
  hasMembers: boolean;
  sessionsPerWeek: number;
}

export const clubFields = fieldList<ClubValues>({
  clubId: true,
  name: true,
  minSize: true,
  maxSize: true,
  members: true,
  hasMembers: true,
  sessionsPerWeek: true,
});

// A club's size is known only after allocation; before that `members` is absent and size rules stay quiet.
export function clubFacts(ctx: PolicyContext): PolicyFact<ClubValues>[] {
  return ctx.input.clubs.map((c) => ({
    kind: "club" as const,
    target: { kind: "club" as const, clubId: c.id },
    values: {
      clubId: c.id,
      name: c.name,
      minSize: c.minSize,
      maxSize: c.maxSize,
      members: c.members,
      hasMembers: c.members !== undefined,
      sessionsPerWeek: ctx.input.entries.filter((e) => e.clubId === c.id).length,
    },
  }));
}
