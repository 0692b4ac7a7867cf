// Where each of a family's children stands in its round (issue 22): the receipt
// invites the parent to the next child with an open round and no list yet, and
// says when every child is done.
import type { EntityManager } from "typeorm";
import { nowIso } from "../db";
import { nextChildToAnswer, roundState, type ChildToAnswer } from "./core";
import { roundForChild, type Child } from "./store/round-lookup";
import { preferenceOf } from "./store/preferences";

type Repos = Pick<EntityManager, "getRepository">;

export interface FamilyProgress {
  /** The next child to answer, with the round's name; null when none is left. */
  next: { id: number; name: string; roundName: string } | null;
  /** How many of the children have an open round (0: there is nothing to answer at all). */
  open: number;
}

export async function familyProgress(em: Repos, children: Child[], currentId: number): Promise<FamilyProgress> {
  const now = nowIso();
  const states = await Promise.all(
    children.map(async (c): Promise<ChildToAnswer & { roundName: string }> => {
      const round = await roundForChild(em, c.grade, now);
      const open = !!round && roundState(round, now) === "open";
      const answered = open && !!(await preferenceOf(em, round.id, c.id));
      return { id: c.id, name: c.name, open, answered, roundName: round?.name ?? "" };
    }),
  );
  const next = nextChildToAnswer(states, currentId);
  return {
    next: next && { id: next.id, name: next.name, roundName: next.roundName },
    open: states.filter((s) => s.open).length,
  };
}
