// Turns the engine's language-free explanation into i18n keys and params for
// the family: one line per choice explained, in the words of the mechanism
// that ran (under `optimal`, "drew later" is never the reason).
import type { Explanation, Reason } from "./explain";

export interface SlotParts {
  weekday: number;
  time: string;
}

/** `slot`, when present, is filled in by the view: t("weekday.N") + time. */
export interface ExplanationLine {
  rank: number;
  club: string;
  met: boolean;
  key: string;
  params: Record<string, string | number>;
  slot?: SlotParts;
}

export interface ExplanationView {
  /** assignment.explain.intro.optimal | .lottery */
  introKey: string;
  lines: ExplanationLine[];
  /** Clubs the school assigned that were not on the list (pins). */
  assigned: string[];
}

export function explanationView(
  explanation: Explanation,
  clubName: (code: string) => string,
  slotName: (slot: string) => SlotParts,
  choices: string[],
): ExplanationView {
  const lines = explanation.reasons.map((r) => line(r, clubName, slotName));
  return {
    introKey: `assignment.explain.intro.${explanation.mechanism === "lottery" ? "lottery" : "optimal"}`,
    lines,
    assigned: explanation.clubs.filter((c) => !choices.includes(c)).map(clubName),
  };
}

function line(r: Reason, clubName: (code: string) => string, slotName: (slot: string) => SlotParts): ExplanationLine {
  const club = clubName(r.clubId);
  const params: Record<string, string | number> = { rank: r.rank, club };
  // count drives the catalog's plural ("1 seat" / "3 seats").
  if (r.capacity !== undefined) params.capacity = params.count = r.capacity;
  if (r.rankedBy !== undefined) params.rankedBy = r.rankedBy;
  if (r.with !== undefined) params.with = clubName(r.with);
  if (r.grade !== undefined) params.grade = r.grade;
  if (r.maxClubs !== undefined) params.maxClubs = r.maxClubs;
  return {
    rank: r.rank,
    club,
    met: r.code === "met",
    key: `assignment.explain.reason.${r.code}`,
    params,
    ...(r.slot !== undefined ? { slot: slotName(r.slot) } : {}),
  };
}
