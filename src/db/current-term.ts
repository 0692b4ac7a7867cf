// The term the school is planning and running (Term.current; the newest if an old
// database has two). Nearly every page asks, so the read is kept until the next write.
import type { DataSource, EntityManager } from "typeorm";
import { Term } from "./entities";
import { keptRead } from "./kept-reads";

type Repos = Pick<EntityManager, "getRepository">;

export function currentTerm(em: Repos | DataSource): Promise<Term | null> {
  return keptRead(em, "currentTerm", () =>
    em.getRepository(Term).findOne({ where: { current: true }, order: { id: "DESC" } }),
  );
}
