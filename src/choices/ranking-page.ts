// Everything the ranking form shows for one child in one round: the clubs
// open to the child's grade (cards and <select> options), what is saved now,
// and the form's values (saved ones, or what was just posted on an error).
import type { EntityManager } from "typeorm";
import { nowIso } from "../db";
import type { ChoiceRound } from "./entities";
import {
  cleanWeekdays,
  coversClub,
  meetingDays,
  offeredTo,
  roundKindOf,
  roundState,
  type OfferedClub,
  type RoundState,
} from "./core";
import { receiptOf, Receipt } from "./receipt";
import { loadClubOffer } from "./store/club-offer";
import type { Child } from "./store/round-lookup";
import { roundOrderOfTerm } from "./store/rounds";
import { enrollmentOf, firstChoiceCounts, preferenceOf, siblingsInRound } from "./store/preferences";
import { formatLocal } from "../kernel";
import { clubsOn, roundStartDate } from "../membership";

export interface ClubCard extends OfferedClub {
  days: number[];
  firstChoices: number | null;
}

export interface RankingForm {
  version: number;
  weekdays: number[];
  ranks: string[];
  maxClubs: number;
  placeWithSiblings: boolean;
  swap: number[];
}

export interface RankingPage {
  round: Pick<
    ChoiceRound,
    "id" | "name" | "minChoices" | "maxChoices" | "maxClubsPerChild" | "showFirstChoiceCounts"
  > & { state: RoundState; opensAt: string; closesAt: string };
  child: Child;
  clubs: ClubCard[];
  form: RankingForm;
  saved: Receipt | null;
  siblings: boolean;
  /** Clubs the child holds when a later round's seats start: the family may ask to swap them (issue 18). */
  held: { id: number; name: string }[];
}

export async function rankingPage(
  em: EntityManager,
  round: ChoiceRound,
  child: Child,
  zone: string,
  posted?: RankingForm,
): Promise<RankingPage> {
  const [offer, pref, enrollment, siblings, counts] = await Promise.all([
    loadClubOffer(em, round.termId),
    preferenceOf(em, round.id, child.id),
    enrollmentOf(em, round.termId, child.id),
    siblingsInRound(em, round, child.familyId),
    round.showFirstChoiceCounts ? firstChoiceCounts(em, round.id) : Promise.resolve(null),
  ]);
  // A top-up (补选) shows only the clubs it covers.
  const clubs = offer
    .filter((c) => offeredTo(c, child.grade) && coversClub(round, c))
    .map((c) => ({ ...c, days: meetingDays(c), firstChoices: counts ? (counts.get(c.id) ?? 0) : null }));
  const saved = pref ? await receiptOf(em, pref, round, offer, zone, enrollment) : null;
  const form: RankingForm = posted
    ? { ...posted, version: pref?.version ?? 0 }
    : {
        version: pref?.version ?? 0,
        weekdays: cleanWeekdays(enrollment?.weekdays),
        ranks: Array.from({ length: round.maxChoices }, (_, i) => (pref?.clubIds[i] ? String(pref.clubIds[i]) : "")),
        maxClubs: pref?.maxClubs ?? 1,
        placeWithSiblings: pref?.placeWithSiblings ?? false,
        swap: pref?.swapClubIds ?? [],
      };
  const names = new Map(offer.map((c) => [c.id, c.name]));
  const held =
    roundKindOf(await roundOrderOfTerm(em, round.termId), round) === "topUp"
      ? (await clubsOn(em, child.id, await roundStartDate(em, round))).map((id) => ({
          id,
          name: names.get(id) ?? String(id),
        }))
      : [];
  return {
    round: {
      id: round.id,
      name: round.name,
      minChoices: round.minChoices,
      maxChoices: round.maxChoices,
      maxClubsPerChild: round.maxClubsPerChild,
      showFirstChoiceCounts: round.showFirstChoiceCounts,
      state: roundState(round, nowIso()),
      opensAt: formatLocal(round.opensAt, zone),
      closesAt: formatLocal(round.closesAt, zone),
    },
    child,
    clubs,
    form,
    saved,
    siblings: siblings > 1,
    held,
  };
}
