// "Place in the timetable" for one club: the week's club slots, each with
// whether a session of the club fits there (the clash core's checks, through
// clubSlotFits) and, when not, why in the clash messages' words; and placing
// it in one of them, which is an ordinary save of a new club entry (saveEntry:
// the same resolution, clash refusal, draft mark and audit as the entry form).
import type { DataSource } from "typeorm";
import type { Club, Period, TimetableEntry } from "../db";
import type { Actor } from "../audit";
import { HttpError } from "../http";
import { clubSlotFits, clubSlotsOf, PROPOSED_ID, WEEKDAYS, type ClashKind } from "./core";
import { explainClashes, type ClashExplanation } from "./clash-messages";
import { clashContextOf, placementOf, placementsOf } from "./placements";
import { saveEntry } from "./entry-service";
import { currentTerm, loadWeek, namesOf, type Week } from "./store/week";

export interface PlaceOption {
  weekday: number;
  period: Period;
  fits: boolean;
  already: boolean;
  /** Why it does not fit, each with what it concerns (the club's teacher, its venue, a grade rule). */
  reasons: (ClashExplanation & { about: "staff" | "venue" | "grade" })[];
}

export interface PlacePage {
  club: Club;
  staff: string;
  venue: string;
  options: PlaceOption[];
}

const ABOUT: Record<ClashKind, PlaceOption["reasons"][number]["about"]> = {
  "staff-double-booked": "staff",
  "staff-unavailable": "staff",
  "staff-outside-hours": "staff",
  "venue-double-booked": "venue",
  "club-larger-than-venue": "venue",
  "grade-double-booked": "grade",
  "grade-has-no-service": "grade",
};

async function weekWithClub(ds: DataSource, clubId: number): Promise<{ week: Week; club: Club }> {
  const term = await currentTerm(ds.manager);
  if (!term) throw new HttpError(409, "timetable.noTerm");
  const week = await loadWeek(ds.manager, term);
  const club = week.clubs.find((c) => c.id === clubId);
  if (!club) throw new HttpError(404, "errors.notFound");
  return { week, club };
}

/** The club slots of the draft week, each with whether the club fits there and why not. */
export async function clubPlaces(ds: DataSource, clubId: number): Promise<PlacePage> {
  const { week, club } = await weekWithClub(ds, clubId);
  const names = namesOf(week);
  const existing = placementsOf(week);
  // The session as saving it would make it: the club's own grades, teacher and venue.
  // The session as saving it would make it: the club's own grades, teacher and venue (its slot is each option's).
  const session = placementOf(
    PROPOSED_ID,
    {
      weekday: 0,
      periodId: 0,
      kind: "club",
      grades: club.grades,
      classId: null,
      clubId: club.id,
      staffId: club.staffId,
      venueId: club.venueId,
    },
    week,
  );
  const slots = clubSlotsOf(
    existing,
    WEEKDAYS,
    week.periods.map((p) => String(p.id)),
  );
  const periods = new Map(week.periods.map((p) => [String(p.id), p]));
  const options = clubSlotFits(existing, session, slots, clashContextOf(week)).map((fit) => {
    const kinds = fit.clashes.map((c) => c.kind);
    return {
      weekday: fit.weekday,
      period: periods.get(fit.periodId)!,
      fits: !fit.already && fit.clashes.length === 0,
      already: fit.already,
      reasons: explainClashes(fit.clashes, names, week.entries, PROPOSED_ID).map((r, i) => ({
        ...r,
        about: ABOUT[kinds[i]],
      })),
    };
  });
  return {
    club,
    staff: club.staffId === null ? "" : (names.staff.get(club.staffId) ?? ""),
    venue: club.venueId === null ? "" : (names.venues.get(club.venueId) ?? ""),
    options,
  };
}

/** Places the club in a slot: a new draft entry taking its title, grades, teacher and venue from the club. */
export function placeClub(
  ds: DataSource,
  clubId: number,
  slot: { weekday: number; periodId: number },
  actor: Actor,
): Promise<TimetableEntry> {
  return saveEntry(
    ds,
    null,
    { ...slot, kind: "club", title: "", grades: [], classId: null, clubId, staffId: null, venueId: null },
    actor,
  );
}
