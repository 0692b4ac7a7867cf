// The demo's open round (issue 22): a newcomer can try the family choice form at
// once. After the autumn allocation is published (seeds/demo-activity.ts), the
// demo school opens a top-up (补选: the term's later round, offering the seats the
// ledger leaves; src/choices/core/term-rounds.ts). It opens today, closes in two
// weeks, and covers the clubs with seats left on its effective date, for the
// grades those clubs are open to (so no child is shown a round with nothing in
// it). Opened through the round service, as an admin's form would (audited).
// `npm start`'s seed step (seeds/start.ts) and `kehou seed demo` run it after the
// demo's activity; the suites that build the demo (test/support/demo-app.ts,
// seedDemo, seedDemoActivity) do not, so their rounds stay the only ones.
// Idempotent: a marker setting records that it ran.
import { type DataSource, In } from "typeorm";
import { Club, Setting, Term, inTransaction, nowIso } from "../src/db";
import { SYSTEM } from "../src/audit";
import { ChoiceRound, createRound, fixedEffectiveDate, loadClubOffer, offeredTo, roundState } from "../src/choices";
import { memberCountsOn } from "../src/membership";
import { addDays, formatLocal, fromLocalInput, localDate, schoolZone } from "../src/kernel";

const MARKER = "demo.openRound.seeded";
export const DEMO_TOP_UP_NAME = "2026 秋季社团补选";
/** How long the top-up stays open, in days from the day it is seeded. */
export const DEMO_TOP_UP_DAYS = 14;
const CLOSES_AT = "20:00";

export interface DemoOpenRound {
  round: ChoiceRound;
  /** The covered clubs with the seats each had left when the round opened. */
  clubs: { id: number; name: string; seats: number }[];
}

/**
 * Opens the demo's top-up round (once): today 00:00 to 20:00 in DEMO_TOP_UP_DAYS
 * days, school time, by the real clock (the one that decides whether a round is
 * open). Null when it ran before, there is no current term, or no club has a seat left.
 */
export async function seedDemoOpenRound(ds: DataSource, now: Date = new Date()): Promise<DemoOpenRound | null> {
  if (await ds.getRepository(Setting).existsBy({ key: MARKER })) return null;
  const term = await ds.getRepository(Term).findOneBy({ current: true });
  if (!term) return null;
  const zone = await schoolZone(ds);
  const today = localDate(now, zone);
  const opensAt = fromLocalInput(`${today}T00:00`, zone)!;
  const closesAt = fromLocalInput(`${addDays(today, DEMO_TOP_UP_DAYS)}T${CLOSES_AT}`, zone)!;
  // The seats left on the date the round's seats would start (as the round service fixes it);
  // the demo holds no open waitlist offer, so capacity less members is what the round offers.
  const date = fixedEffectiveDate(localDate(new Date(closesAt), zone), term);
  const members = await memberCountsOn(ds, term.id, date);
  const clubs = (await loadClubOffer(ds, term.id))
    // Offered to some grade: not cancelled, and meeting in the published timetable.
    .filter((c) => c.grades.some((g) => offeredTo(c, g)))
    .map((c) => ({ id: c.id, name: c.name, grades: c.grades, seats: c.maxSize - (members.get(c.id) ?? 0) }))
    .filter((c) => c.seats > 0)
    .sort((a, b) => a.id - b.id);
  let round: ChoiceRound | null = null;
  if (clubs.length) {
    round = await createRound(
      ds,
      {
        name: DEMO_TOP_UP_NAME,
        opensAt,
        closesAt,
        grades: [...new Set(clubs.flatMap((c) => c.grades))].sort((a, b) => a - b),
        minChoices: 1,
        maxChoices: Math.min(3, clubs.length),
        maxClubsPerChild: 1,
        mechanism: "optimal",
        showFirstChoiceCounts: false,
        clubIds: clubs.map((c) => c.id),
      },
      SYSTEM,
    );
  }
  await inTransaction(ds, (em) => em.getRepository(Setting).insert({ key: MARKER, value: nowIso() }));
  return round && { round, clubs: clubs.map(({ id, name, seats }) => ({ id, name, seats })) };
}

/** One line for the seed commands: the demo's top-up, its clubs and until when families can answer it (null when it is not open). */
export async function demoOpenRoundLine(ds: DataSource): Promise<string | null> {
  const term = await ds.getRepository(Term).findOneBy({ current: true });
  if (!term) return null;
  const round = await ds.getRepository(ChoiceRound).findOneBy({ termId: term.id, name: DEMO_TOP_UP_NAME });
  if (!round || roundState(round, nowIso()) !== "open") return null;
  const clubs = round.clubIds?.length
    ? await ds
        .getRepository(Club)
        .find({ select: { name: true }, where: { id: In(round.clubIds) }, order: { id: "ASC" } })
    : [];
  const covers = [...clubs.map((c) => c.name), `grades ${round.grades.join(", ")}`].join("; ");
  return (
    `Try the family form: the top-up round "${round.name}" (${covers}) ` +
    `is open until ${formatLocal(round.closesAt, await schoolZone(ds))} (school time); sign in as a family above.\n`
  );
}
