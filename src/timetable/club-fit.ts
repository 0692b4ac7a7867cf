// A question the clubs capability asks of the draft timetable: would this club,
// at its new size, overflow the venue of one of its sessions (the clash core's
// club-larger-than-venue check)? The explanations name the sessions, as the grid does.
import type { EntityManager } from "typeorm";
import type { Club, Term } from "../db";
import { clubLargerThanVenue } from "./core/clashes";
import { ClashExplanation, explainClashes } from "./clash-messages";
import { clashContextOf, placementsOf } from "./placements";
import { loadWeek, namesOf } from "./store/week";

export async function venueClashesOfClub(em: EntityManager, term: Term, club: Club): Promise<ClashExplanation[]> {
  const week = await loadWeek(em, term);
  week.clubs = week.clubs.map((c) => (c.id === club.id ? club : c));
  const mine = placementsOf(week).filter((p) => p.clubId === String(club.id));
  const clashes = clubLargerThanVenue(mine, clashContextOf(week));
  return clashes.length ? explainClashes(clashes, namesOf(week), week.entries, "") : [];
}
