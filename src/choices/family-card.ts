// The family home page's card for the child being viewed: "choose clubs for
// <child> by <deadline>", or "submitted <time> — change", or the date the
// next round opens. The lead renders views/choices/family-card.ejs with it.
import type { DataSource } from "typeorm";
import { nowIso } from "../db";
import { roundState } from "./core";
import { familyChild, roundForChild } from "./store/round-lookup";
import { preferenceOf } from "./store/preferences";
import { formatLocal, schoolZone } from "../kernel";

export interface FamilyRoundCard {
  studentId: number;
  childName: string;
  roundId: number;
  roundName: string;
  state: "todo" | "submitted" | "upcoming";
  opensAt: string;
  closesAt: string;
  submittedAt: string | null;
  href: string;
}

/** null when the child is not this family's, or no round is open or coming for the child's grade. */
export async function familyRoundCard(
  ds: DataSource,
  familyId: number,
  studentId: number,
): Promise<FamilyRoundCard | null> {
  const child = await familyChild(ds.manager, familyId, studentId);
  if (!child) return null;
  const now = nowIso();
  const round = await roundForChild(ds.manager, child.grade, now);
  if (!round || roundState(round, now) === "closed") return null;
  const zone = await schoolZone(ds.manager);
  const pref = await preferenceOf(ds, round.id, studentId);
  const upcoming = roundState(round, now) === "upcoming";
  return {
    studentId,
    childName: child.name,
    roundId: round.id,
    roundName: round.name,
    state: upcoming ? "upcoming" : pref ? "submitted" : "todo",
    opensAt: formatLocal(round.opensAt, zone),
    closesAt: formatLocal(round.closesAt, zone),
    submittedAt: pref ? formatLocal(pref.updatedAt, zone) : null,
    href: `/choices/${studentId}`,
  };
}
