// The term's last round's answers (issue 23: the proposer's demand): the round
// that opened last, ties to the one created last. Null when the term has none.
import type { EntityManager } from "typeorm";
import { ChoiceRound } from "../entities";
import { loadRoundChoices, type RoundChoices } from "./round-choices";

type Repos = Pick<EntityManager, "getRepository">;

export async function lastRoundChoices(em: Repos, termId: number): Promise<RoundChoices | null> {
  const round = await em
    .getRepository(ChoiceRound)
    .findOne({ where: { termId }, order: { opensAt: "DESC", id: "DESC" } });
  return round ? loadRoundChoices(em, round.id) : null;
}
