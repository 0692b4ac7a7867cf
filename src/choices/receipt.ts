// What was saved, in words a family can check: the ranked clubs, clubs per
// week, the weekdays, when, and whether the family or school staff entered it.
import type { EntityManager } from "typeorm";
import type { ServiceEnrollment } from "../db";
import type { ChoiceRound, Preference } from "./entities";
import { cleanWeekdays, type ClubMeeting, type OfferedClub } from "./core";
import { enrollmentOf } from "./store/preferences";
import { staffNameOf } from "./store/people";
import { formatLocal } from "../kernel";

type Repos = Pick<EntityManager, "getRepository">;

export interface Receipt {
  roundId: number;
  roundName: string;
  version: number;
  clubs: { id: number; name: string; meetings: ClubMeeting[] }[];
  maxClubs: number;
  weekdays: number[];
  placeWithSiblings: boolean;
  submittedAt: string;
  updatedAt: string;
  source: "family" | "staff";
  staffName: string | null;
}

/** `enrollment`: the child's weekday opt-in when the caller has read it already (undefined: read it here). */
export async function receiptOf(
  em: Repos,
  pref: Preference,
  round: ChoiceRound,
  offer: OfferedClub[],
  zone: string,
  enrollment?: ServiceEnrollment | null,
): Promise<Receipt> {
  const clubs = new Map(offer.map((c) => [c.id, c]));
  const [optIn, staffName] = await Promise.all([
    enrollment !== undefined ? enrollment : enrollmentOf(em, round.termId, pref.studentId),
    pref.enteredByStaffId == null ? null : staffNameOf(em, pref.enteredByStaffId),
  ]);
  return {
    roundId: round.id,
    roundName: round.name,
    version: pref.version,
    clubs: pref.clubIds.map((id) => ({
      id,
      name: clubs.get(id)?.name ?? `#${id}`,
      meetings: clubs.get(id)?.meetings ?? [],
    })),
    maxClubs: pref.maxClubs,
    weekdays: cleanWeekdays(optIn?.weekdays),
    placeWithSiblings: pref.placeWithSiblings,
    submittedAt: formatLocal(pref.submittedAt, zone),
    updatedAt: formatLocal(pref.updatedAt, zone),
    source: pref.source,
    staffName: pref.source === "staff" ? staffName : null,
  };
}
