// The family home page's card for the child being viewed: "choose clubs for
// <child> by <deadline>", or "submitted <time> — change", or the date the
// next round opens; once the round has closed, the list the family sent and
// the way to the results (issue 22: a closed round is not a dead end).
// The lead renders views/choices/family-card.ejs with it.
import type { DataSource } from "typeorm";
import { nowIso } from "../db";
import { roundState } from "./core";
import { familyChild, roundForChild } from "./store/round-lookup";
import { preferenceOf } from "./store/preferences";
import { loadClubOffer } from "./store/club-offer";
import { formatLocal, schoolZone } from "../kernel";

export interface FamilyRoundCard {
  studentId: number;
  childName: string;
  roundId: number;
  roundName: string;
  state: "todo" | "submitted" | "upcoming" | "closed";
  opensAt: string;
  closesAt: string;
  submittedAt: string | null;
  href: string;
  /** Closed rounds: the clubs the family ranked, best first (empty: no list was sent). */
  ranked: string[];
  /** Closed rounds: whether the school has published the results. */
  published: boolean;
  resultsHref: string;
}

/** Whether a round's allocation is published: the allocation knows, and the app hands it in (choices does not import it). */
export type RoundPublishedOf = (ds: DataSource, roundId: number) => Promise<boolean>;

/** null when the child is not this family's, or the child's grade has had no round this term. */
export async function familyRoundCard(
  ds: DataSource,
  familyId: number,
  studentId: number,
  publishedOf: RoundPublishedOf,
): Promise<FamilyRoundCard | null> {
  const child = await familyChild(ds.manager, familyId, studentId);
  if (!child) return null;
  const now = nowIso();
  const round = await roundForChild(ds.manager, child.grade, now);
  if (!round) return null;
  const zone = await schoolZone(ds.manager);
  const pref = await preferenceOf(ds, round.id, studentId);
  const state = roundState(round, now);
  const closed = state === "closed";
  const names = closed ? new Map((await loadClubOffer(ds.manager, round.termId)).map((c) => [c.id, c.name])) : null;
  return {
    studentId,
    childName: child.name,
    roundId: round.id,
    roundName: round.name,
    state: closed ? "closed" : state === "upcoming" ? "upcoming" : pref ? "submitted" : "todo",
    opensAt: formatLocal(round.opensAt, zone),
    closesAt: formatLocal(round.closesAt, zone),
    submittedAt: pref ? formatLocal(pref.updatedAt, zone) : null,
    href: `/choices/${studentId}`,
    ranked: names && pref ? pref.clubIds.map((id) => names.get(id) ?? `#${id}`) : [],
    published: closed && (await publishedOf(ds, round.id)),
    resultsHref: `/results/${studentId}`,
  };
}
