// "Now" and "today" at the school. Today is the school's calendar date (the
// school's zone), not the server's. The clock can be set for tests and demos,
// so registers, boards and edit windows are checked against a chosen date
// instead of whatever day the suite happens to run.
import type { DataSource, EntityManager } from "typeorm";
import { localDate } from "./core/zone";
import { schoolZone } from "./store";

let clock: () => Date = () => new Date();

/** Sets the clock (pass no argument to go back to the real one). */
export function setSchoolClock(now?: () => Date): void {
  clock = now ?? (() => new Date());
}

export function schoolNow(): Date {
  return clock();
}

export async function schoolToday(em: DataSource | Pick<EntityManager, "getRepository">): Promise<string> {
  return localDate(schoolNow(), await schoolZone(em));
}
