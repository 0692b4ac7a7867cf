// What a round's publication changes in the ledger. Only the round's own open
// spans are compared with its new placements: a top-up round published later
// leaves the first round's members alone, and re-publishing a round with the
// same seat for a child keeps that child's span (and its start date) as it was.
import type { Span } from "./spans";

export interface Seat {
  studentId: number;
  clubId: number;
}
export interface PublicationPlan<T> {
  close: T[];
  open: Seat[];
}

const key = (s: Seat) => `${s.studentId}:${s.clubId}`;

export function publicationPlan<T extends Span>(openOfRound: T[], seats: Seat[]): PublicationPlan<T> {
  const wanted = new Map(seats.map((s) => [key(s), s]));
  const held = new Set(openOfRound.map(key));
  return {
    close: openOfRound.filter((s) => !wanted.has(key(s))),
    open: [...wanted.values()].filter((s) => !held.has(key(s))),
  };
}

/**
 * The date a round's seats start: the round's own start (its closing date, or
 * the term's first day if it closed before the term) for its first publication;
 * a later change starts no earlier than today. Never after the term's last day.
 */
export function effectiveDate(o: {
  termStart: string;
  termEnd: string;
  roundClosed: string;
  today: string;
  firstPublication: boolean;
}): string {
  const roundStart = o.roundClosed > o.termStart ? o.roundClosed : o.termStart;
  const date = o.firstPublication || o.today < roundStart ? roundStart : o.today;
  return date > o.termEnd ? o.termEnd : date;
}

/**
 * A child's seats from other rounds that a new seat replaces: those in another
 * club meeting at one of the same times (slot ids like "thu-2"). A child
 * re-chose in a later round, so the later publication wins that hour; a seat at
 * another hour is kept (a top-up adds a club).
 */
export function supersededBy<T extends Span>(heldElsewhere: T[], seats: Seat[], slotsOf: Map<number, string[]>): T[] {
  const clash = (a: number, b: number) => (slotsOf.get(a) ?? []).some((slot) => (slotsOf.get(b) ?? []).includes(slot));
  return heldElsewhere.filter((span) =>
    seats.some(
      (seat) => seat.studentId === span.studentId && seat.clubId !== span.clubId && clash(seat.clubId, span.clubId),
    ),
  );
}

/** New seats for a club the child already holds from another round: the older membership stands, none is opened. */
export function alreadyHeld(heldElsewhere: Span[], seat: Seat): boolean {
  return heldElsewhere.some((s) => s.studentId === seat.studentId && s.clubId === seat.clubId);
}
