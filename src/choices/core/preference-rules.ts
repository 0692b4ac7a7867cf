// The round's rules for one child's ranked list, one small pure function per
// rule. Each returns the field it blames (so the form can show it next to the
// select) and an i18n key; the route answers 400 when any rule objects.
import { meetingDays, type OfferedClub, offeredTo } from "./offered-club";

export interface RankEntry {
  field: string;
  clubId: number | null;
}
export interface Submission {
  weekdays: number[];
  ranks: RankEntry[];
  maxClubs: number;
}
export interface RoundLimits {
  minChoices: number;
  maxChoices: number;
  maxClubsPerChild: number;
}
export interface Context {
  round: RoundLimits;
  clubs: Map<number, OfferedClub>;
  grade: number;
}

type Objection = [field: string, key: string, params?: Record<string, unknown>];
/** The objections per field, as the form kit's FieldErrors (the route shows them with 400). */
export type Objections = Record<string, { key: string; params?: Record<string, unknown> }>;

// A club fits the chosen days only if every weekday it meets on is chosen:
// a Tue + Thu club needs the child at school on both days.
export function fitsDays(club: OfferedClub, weekdays: number[]): boolean {
  return meetingDays(club).every((d) => weekdays.includes(d));
}

// What the child could rank on the chosen days.
export function rankableClubs(ctx: Context, weekdays: number[]): OfferedClub[] {
  return [...ctx.clubs.values()].filter((c) => offeredTo(c, ctx.grade) && fitsDays(c, weekdays));
}

// The round's minimum, lowered to what exists: a child cannot be asked to rank clubs that are not there.
export function minimumFor(ctx: Context, weekdays: number[]): number {
  return Math.min(ctx.round.minChoices, rankableClubs(ctx, weekdays).length);
}

// An id that is no club of this term (typed by hand, or a club since deleted).
export function unknownClubs(s: Submission, ctx: Context): Objection[] {
  return s.ranks
    .filter((r) => r.clubId === null || !ctx.clubs.has(r.clubId))
    .map((r) => [r.field, "choices.validation.unknownClub"]);
}

// A club not open to the child's grade, cancelled, or not meeting at all cannot be allocated.
export function ineligibleClubs(s: Submission, ctx: Context): Objection[] {
  return s.ranks
    .filter((r) => r.clubId !== null && ctx.clubs.has(r.clubId) && !offeredTo(ctx.clubs.get(r.clubId)!, ctx.grade))
    .map((r) => [r.field, "choices.validation.ineligible"]);
}

// Listing a club twice would inflate a list without adding a real choice.
export function duplicateClubs(s: Submission): Objection[] {
  const seen = new Set<number>();
  const out: Objection[] = [];
  for (const r of s.ranks) {
    if (r.clubId === null) continue;
    if (seen.has(r.clubId)) out.push([r.field, "choices.validation.duplicate"]);
    seen.add(r.clubId);
  }
  return out;
}

// A child is only at school on the days the family chose: a club on another day could never be attended.
export function clubsOnUnchosenDays(s: Submission, ctx: Context): Objection[] {
  return s.ranks
    .filter(
      (r) =>
        r.clubId !== null &&
        ctx.clubs.has(r.clubId) &&
        offeredTo(ctx.clubs.get(r.clubId)!, ctx.grade) &&
        !fitsDays(ctx.clubs.get(r.clubId)!, s.weekdays),
    )
    .map((r) => [r.field, "choices.validation.unchosenDay"]);
}

// The round's maximum list length.
export function tooMany(s: Submission, ctx: Context): Objection[] {
  return s.ranks.length > ctx.round.maxChoices
    ? [["ranks", "choices.validation.tooMany", { max: ctx.round.maxChoices }]]
    : [];
}

// The minimum list length is the lever against gaming `optimal` by listing one popular club.
export function tooFew(s: Submission, ctx: Context): Objection[] {
  const min = minimumFor(ctx, s.weekdays);
  return s.ranks.length < min ? [["ranks", "choices.validation.tooFew", { min }]] : [];
}

// The school caps clubs per child per week (1–3) so seats go round.
export function maxClubsTooHigh(s: Submission, ctx: Context): Objection[] {
  if (s.maxClubs < 1) return [["maxClubs", "choices.validation.maxClubsLow"]];
  return s.maxClubs > ctx.round.maxClubsPerChild
    ? [["maxClubs", "choices.validation.maxClubsHigh", { max: ctx.round.maxClubsPerChild }]]
    : [];
}

const RULES = [unknownClubs, ineligibleClubs, duplicateClubs, clubsOnUnchosenDays, tooMany, tooFew, maxClubsTooHigh];

/** Every objection, first one per field; empty when the list keeps the round's rules. */
export function checkSubmission(s: Submission, ctx: Context): Objections {
  const errors: Objections = {};
  for (const rule of RULES) {
    for (const [field, key, params] of rule(s, ctx)) if (!errors[field]) errors[field] = { key, params };
  }
  return errors;
}
