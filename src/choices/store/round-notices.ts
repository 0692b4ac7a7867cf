// The round notices' records and whom they reach: open rounds with the kinds
// already sent, the claim (one row per round and kind, made by exactly one
// transaction), and the families with a child in the round's grades.
import { randomUUID } from "node:crypto";
import { type EntityManager, In, LessThanOrEqual, MoreThan } from "typeorm";
import { SchoolClass, Student } from "../../db";
import { ChoiceRound, Preference } from "../entities";
import { RoundNotice } from "../round-notice-entity";

type Repos = Pick<EntityManager, "getRepository">;

/** Rounds open at `now`, each with the notice kinds it has already had. */
export async function openRoundsWithNotices(db: Repos, now: string): Promise<{ round: ChoiceRound; sent: string[] }[]> {
  const rounds = await db
    .getRepository(ChoiceRound)
    .find({ where: { opensAt: LessThanOrEqual(now), closesAt: MoreThan(now) }, order: { id: "ASC" } });
  if (!rounds.length) return [];
  const notices = await db
    .getRepository(RoundNotice)
    .find({ select: { roundId: true, kind: true }, where: { roundId: In(rounds.map((r) => r.id)) } });
  return rounds.map((round) => ({
    round,
    sent: notices.filter((n) => n.roundId === round.id).map((n) => n.kind),
  }));
}

/**
 * Claims the notice: true for the one transaction whose insert made the row.
 * INSERT … ON CONFLICT DO NOTHING (INSERT OR IGNORE on SQLite) waits for a
 * concurrent claimer on PostgreSQL and then does nothing, so reading the row
 * back tells who won; the loser sends nothing.
 */
export async function claimRoundNotice(em: EntityManager, roundId: number, kind: string, at: string): Promise<boolean> {
  const claim = randomUUID();
  await em
    .createQueryBuilder()
    .insert()
    .into(RoundNotice)
    .values({ roundId, kind, claim, families: 0, sentAt: at })
    .orIgnore()
    .execute();
  const row = await em.getRepository(RoundNotice).findOneBy({ roundId, kind });
  return row?.claim === claim;
}

export async function countRoundNotice(em: EntityManager, roundId: number, kind: string, families: number) {
  await em.getRepository(RoundNotice).update({ roundId, kind }, { families });
}

/**
 * Families with a child in the round's grades (current classes, children not
 * archived); with `unansweredOnly`, those with such a child who has no
 * preference in the round yet.
 */
export async function familiesOfRound(em: Repos, round: ChoiceRound, unansweredOnly: boolean): Promise<number[]> {
  const classes = await em
    .getRepository(SchoolClass)
    .find({ select: { id: true }, where: { grade: In(round.grades), archived: false } });
  if (!classes.length) return [];
  const children = await em.getRepository(Student).find({
    select: { id: true, familyId: true },
    where: { classId: In(classes.map((c) => c.id)), archived: false },
  });
  let pending = children;
  if (unansweredOnly) {
    const answered = new Set(
      (
        await em.getRepository(Preference).find({ select: { id: true, studentId: true }, where: { roundId: round.id } })
      ).map((p) => p.studentId),
    );
    pending = children.filter((c) => !answered.has(c.id));
  }
  return [...new Set(pending.map((c) => c.familyId))].sort((a, b) => a - b);
}
