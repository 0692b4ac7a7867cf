// A term's periods, which the family home, the teachers' home and the result
// card all read: kept until the database changes. Shared: callers must not change them.
import type { DataSource } from "typeorm";
import { Period } from "./entities";
import { keptRead } from "./kept-reads";

export const termPeriods = (ds: DataSource, termId: number): Promise<Period[]> =>
  keptRead(ds, `periods|${termId}`, () => ds.getRepository(Period).findBy({ termId }));
