// The term's demand as its rounds recorded it (issue 23: the proposer's
// demand). The latest round that offered every club and has answers: a top-up
// round for a club or two (clubIds set) speaks for few children, and a round
// nobody has answered yet for none, so the main round's rankings stand. Without
// such a round, the latest round with answers; null when the term has none.
import type { EntityManager } from "typeorm";
import { ChoiceRound, Preference } from "../entities";
import { loadRoundChoices, type RoundChoices } from "./round-choices";

type Repos = Pick<EntityManager, "getRepository">;

export async function lastRoundChoices(em: Repos, termId: number): Promise<RoundChoices | null> {
  const rounds = await em
    .getRepository(ChoiceRound)
    .find({ where: { termId }, order: { opensAt: "DESC", id: "DESC" } });
  const answered: ChoiceRound[] = [];
  for (const round of rounds)
    if ((await em.getRepository(Preference).countBy({ roundId: round.id })) > 0) answered.push(round);
  const round = answered.find((r) => r.clubIds === null) ?? answered[0];
  return round ? loadRoundChoices(em, round.id) : null;
}
