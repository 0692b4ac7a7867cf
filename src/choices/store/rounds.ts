// Choice rounds as stored: one round, a term's rounds, a page of the list,
// and the writes of the round service (which holds the transaction).
import type { EntityManager } from "typeorm";
import { Club, Term } from "../../db";
import { ChoiceRound } from "../entities";

type Repos = Pick<EntityManager, "getRepository">;

export const roundById = (db: Repos, id: number): Promise<ChoiceRound | null> =>
  db.getRepository(ChoiceRound).findOneBy({ id });

export const roundsOfTerm = (db: Repos, termId: number): Promise<ChoiceRound[]> =>
  db.getRepository(ChoiceRound).findBy({ termId });

/** The term's rounds as their order needs them (id and opening time). */
export const roundOrderOfTerm = (db: Repos, termId: number): Promise<Pick<ChoiceRound, "id" | "opensAt">[]> =>
  db.getRepository(ChoiceRound).find({ select: { id: true, opensAt: true }, where: { termId } });

/** Every round, newest first, a page at a time, with the total. */
export const roundsPage = (db: Repos, skip: number, take: number): Promise<[ChoiceRound[], number]> =>
  db.getRepository(ChoiceRound).findAndCount({ order: { opensAt: "DESC", id: "DESC" }, skip, take });

export async function insertRound(em: EntityManager, values: Partial<ChoiceRound>): Promise<ChoiceRound> {
  const repo = em.getRepository(ChoiceRound);
  return repo.save(repo.create(values));
}

export const saveRound = (em: EntityManager, round: ChoiceRound): Promise<ChoiceRound> =>
  em.getRepository(ChoiceRound).save(round);

export const termById = (em: Repos, id: number): Promise<Term> => em.getRepository(Term).findOneByOrFail({ id });

/** The term's clubs that are not cancelled, with their grades (what a round may cover). */
export const openClubsOfTerm = (db: Repos, termId: number): Promise<Pick<Club, "id" | "grades">[]> =>
  db.getRepository(Club).find({ select: { id: true, grades: true }, where: { termId, cancelled: false } });

/** The clubs a top-up may name on the round form: the term's clubs that are not cancelled, by code. */
export const clubChoicesOfTerm = (db: Repos, termId: number): Promise<Pick<Club, "id" | "name" | "code">[]> =>
  db.getRepository(Club).find({
    select: { id: true, name: true, code: true },
    where: { termId, cancelled: false },
    order: { code: "ASC" },
  });
