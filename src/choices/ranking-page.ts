// Everything the ranking form shows for one child in one round: the clubs
// open to the child's grade (cards and <select> options), what is saved now,
// and the form's values (saved ones, or what was just posted on an error).
import type { EntityManager } from "typeorm";
import { ServiceEnrollment, nowIso } from "../db";
import { ChoiceRound, Preference } from "./entities";
import { loadClubOffer, meetingDays, OfferedClub, offeredTo } from "./store/club-offer";
import { receiptOf, Receipt } from "./receipt";
import { Child, roundState, RoundState } from "./store/round-lookup";
import { formatLocal } from "../kernel";
import { siblingsInRound } from "./preference-service";
import { cleanWeekdays } from "./core/weekdays";
import { coversClub, roundKindOf } from "./core/term-rounds";
import { clubsOn, roundStartDate } from "../membership";

type Repos = Pick<EntityManager, "getRepository">;

export interface ClubCard extends OfferedClub { days: number[]; firstChoices: number | null }

export interface RankingForm { version: number; weekdays: number[]; ranks: string[]; maxClubs: number; placeWithSiblings: boolean; swap: number[] }

export interface RankingPage {
  round: Pick<ChoiceRound, "id" | "name" | "minChoices" | "maxChoices" | "maxClubsPerChild" | "showFirstChoiceCounts"> & { state: RoundState; opensAt: string; closesAt: string };
  child: Child; clubs: ClubCard[]; form: RankingForm; saved: Receipt | null; siblings: boolean;
  /** Clubs the child holds when a later round's seats start: the family may ask to swap them (issue 18). */
  held: { id: number; name: string }[];
}

// How many children already put each club first (shown only if the round says so).
async function firstChoiceCounts(em: Repos, roundId: number): Promise<Map<number, number>> {
  const prefs = await em.getRepository(Preference).find({ select: { id: true, clubIds: true }, where: { roundId } });
  const counts = new Map<number, number>();
  for (const p of prefs) if (p.clubIds.length) counts.set(p.clubIds[0], (counts.get(p.clubIds[0]) ?? 0) + 1);
  return counts;
}

/** The posted body as form values, so an error page keeps what the family chose. */
export function formFromBody(body: Record<string, unknown>, maxChoices: number): RankingForm {
  const list = (v: unknown) => (Array.isArray(v) ? v : v === undefined ? [] : [v]).map(Number).filter((n) => n >= 1 && n <= 5);
  return {
    version: /^\d{1,9}$/.test(String(body.version ?? "")) ? Number(body.version) : 0,
    weekdays: list(body.weekdays),
    ranks: Array.from({ length: maxChoices }, (_, i) => String(body[`rank${i + 1}`] ?? "")),
    maxClubs: /^\d{1,2}$/.test(String(body.maxClubs ?? "")) ? Number(body.maxClubs) : 1,
    placeWithSiblings: body.placeWithSiblings === "1",
    swap: (Array.isArray(body.swap) ? body.swap : body.swap === undefined ? [] : [body.swap]).map(Number).filter((n) => Number.isInteger(n) && n > 0),
  };
}

export async function rankingPage(em: EntityManager, round: ChoiceRound, child: Child, zone: string, posted?: RankingForm): Promise<RankingPage> {
  const [offer, pref, enrollment, siblings, counts] = await Promise.all([
    loadClubOffer(em, round.termId),
    em.getRepository(Preference).findOneBy({ roundId: round.id, studentId: child.id }),
    em.getRepository(ServiceEnrollment).findOneBy({ termId: round.termId, studentId: child.id }),
    siblingsInRound(em, round, child.familyId),
    round.showFirstChoiceCounts ? firstChoiceCounts(em, round.id) : Promise.resolve(null),
  ]);
  // A top-up (补选) shows only the clubs it covers.
  const clubs = offer.filter((c) => offeredTo(c, child.grade) && coversClub(round, c))
    .map((c) => ({ ...c, days: meetingDays(c), firstChoices: counts ? counts.get(c.id) ?? 0 : null }));
  const saved = pref ? await receiptOf(em, pref, round, offer, zone, enrollment) : null;
  const form: RankingForm = posted ? { ...posted, version: pref?.version ?? 0 } : {
    version: pref?.version ?? 0,
    weekdays: cleanWeekdays(enrollment?.weekdays),
    ranks: Array.from({ length: round.maxChoices }, (_, i) => (pref?.clubIds[i] ? String(pref.clubIds[i]) : "")),
    maxClubs: pref?.maxClubs ?? 1,
    placeWithSiblings: pref?.placeWithSiblings ?? false,
    swap: pref?.swapClubIds ?? [],
  };
  const names = new Map(offer.map((c) => [c.id, c.name]));
  const held = roundKindOf(await em.getRepository(ChoiceRound).find({ select: { id: true, opensAt: true }, where: { termId: round.termId } }), round) === "topUp"
    ? (await clubsOn(em, child.id, await roundStartDate(em, round))).map((id) => ({ id, name: names.get(id) ?? String(id) }))
    : [];
  return {
    round: {
      id: round.id, name: round.name, minChoices: round.minChoices, maxChoices: round.maxChoices, maxClubsPerChild: round.maxClubsPerChild,
      showFirstChoiceCounts: round.showFirstChoiceCounts, state: roundState(round, nowIso()),
      opensAt: formatLocal(round.opensAt, zone), closesAt: formatLocal(round.closesAt, zone),
    },
    child, clubs, form, saved, siblings: siblings > 1, held,
  };
}
