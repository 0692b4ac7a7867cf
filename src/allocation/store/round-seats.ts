// The seats a round offers (issue 18): for each club it covers, the club's
// capacity less the ledger's members on the round's effective date (other
// rounds' seats, and this round's accepted offers) less the seats open waitlist
// offers of other rounds hold. Recomputed on every run and on the admin's
// preview, so a withdrawal or an expired offer shows up in the next run.
import { type DataSource, type EntityManager, Not } from "typeorm";
import { Club } from "../../db";
import { ChoiceRound } from "../../choices";
import { coversClub, roundKindOf, type RoundKind } from "../../choices/core";
import { roundStartDate, seatsHeldOn } from "../../membership";
import { WaitlistOffer } from "../entities";

type Db = DataSource | EntityManager;

export interface CoveredClub {
  club: Club;
  held: number;
  offered: number;
  seats: number;
  minSize: number;
}
export interface HeldSeat {
  studentId: number;
  clubId: number;
  roundId: number | null;
}
export interface RoundSeats {
  kind: RoundKind;
  date: string;
  clubs: CoveredClub[];
  held: HeldSeat[];
}

/** Covered clubs among `meeting` (club id → its slots; a club that never meets is offered nowhere). */
export async function roundSeats(db: Db, round: ChoiceRound, meeting?: Map<number, string[]>): Promise<RoundSeats> {
  const rounds = await db
    .getRepository(ChoiceRound)
    .find({ select: { id: true, opensAt: true }, where: { termId: round.termId } });
  const date = await roundStartDate(db, round);
  const held = await seatsHeldOn(db, round.termId, date, round.id);
  const offers = await db
    .getRepository(WaitlistOffer)
    .find({ select: { clubId: true, studentId: true }, where: { status: "open", roundId: Not(round.id) } });
  const clubRows = (
    await db.getRepository(Club).find({ where: { termId: round.termId, cancelled: false }, order: { code: "ASC" } })
  ).filter((c) => coversClub(round, c) && (!meeting || (meeting.get(c.id) ?? []).length > 0));
  const members = new Map<number, Set<number>>();
  for (const h of held) (members.get(h.clubId) ?? members.set(h.clubId, new Set()).get(h.clubId)!).add(h.studentId);
  const clubs = clubRows.map((club) => {
    const taken = members.get(club.id)?.size ?? 0;
    const offered = offers.filter((o) => o.clubId === club.id).length;
    const seats = Math.max(0, club.maxSize - taken - offered);
    return { club, held: taken, offered, seats, minSize: Math.min(seats, Math.max(0, club.minSize - taken)) };
  });
  return { kind: roundKindOf(rounds, round), date, clubs, held };
}
