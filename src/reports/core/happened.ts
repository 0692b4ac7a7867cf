// What has happened and what is only planned. A school day has happened once it
// is over: its date is before the school's today (today's registers may still be
// being taken). A week with no day that has happened is planned: it gets no rate,
// only the label, so nobody reads an opt-in for next month as a result.
import type { IsoDate } from "./school-days";

export type WeekState = "done" | "current" | "planned";

export function hasHappened(date: IsoDate, today: IsoDate): boolean {
  return date < today;
}

/** Done when every school day of the week has happened, planned when none has, current in between. */
export function weekState(dates: IsoDate[], today: IsoDate): WeekState {
  const happened = dates.filter((d) => hasHappened(d, today)).length;
  return happened === 0 ? "planned" : happened === dates.length ? "done" : "current";
}
