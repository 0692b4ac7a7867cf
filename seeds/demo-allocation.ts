// The demo's club allocation, published: the autumn choice round closed before
// term, the families who come on Thursday (club day) ranked 3–5 clubs, and the
// exact engine placed them. Families then see a result and its explanation,
// club registers have members, and the policy rules see real club sizes: the
// new 衍纸 club drew too few children and is flagged under its minimum, the
// realistic warning an admin meets in the first week (cancel it and re-run).
// Deterministic and idempotent: a marker setting records that it ran.
import type { DataSource } from "typeorm";
import { Club, ServiceEnrollment, Setting, Student, Term } from "../src/db/entities";
import { ChoiceRound, Preference } from "../src/choices/entities";
import { inTransaction } from "../src/db/transaction";
import { nowIso } from "../src/db/entities/columns";
import { SYSTEM } from "../src/audit";
import { seededRandom } from "./demo-choices";
import { createRun } from "../src/allocation/run-service";
import { publishRun } from "../src/allocation/publish-service";
import { AllocationPublication, AllocationRun } from "../src/allocation/entities";
import { bucket } from "./demo-enrollments";

const MARKER = "demo.allocation.seeded";
export const DEMO_ROUND_NAME = "2026 秋季社团选课";
export const DEMO_ALLOCATION_SEED = 20260830;
const THURSDAY = 4;

// How often a club is picked, relative to 1: sports and robots are favourites; 衍纸 is new and little known.
const POPULARITY: Record<string, number> = {
  football: 3,
  robotics: 2.5,
  dance: 2,
  painting: 2,
  basketball: 2,
  chess: 1.5,
  sportsgames: 1.5,
  quilling: 0.03,
};

function rankedList(eligible: Club[], length: number, random: () => number): number[] {
  const pool = [...eligible];
  const out: number[] = [];
  while (out.length < length && pool.length) {
    const total = pool.reduce((s, c) => s + (POPULARITY[c.code] ?? 1), 0);
    let r = random() * total;
    let i = 0;
    while (i < pool.length - 1 && (r -= POPULARITY[pool[i].code] ?? 1) > 0) i++;
    out.push(pool.splice(i, 1)[0].id);
  }
  return out;
}

export async function seedDemoAllocation(ds: DataSource): Promise<{ seeded: boolean }> {
  if (await ds.getRepository(Setting).existsBy({ key: MARKER })) return { seeded: false };
  const term = await ds.getRepository(Term).findOneBy({ current: true });
  if (!term) return { seeded: false };
  const round = await demoRound(ds, term);
  // Each step is its own transaction (the run and the publish own theirs); a re-run after a crash picks up where it stopped.
  const run =
    (await ds.getRepository(AllocationRun).findOne({ where: { roundId: round.id }, order: { id: "ASC" } })) ??
    (await createRun(
      ds,
      round.id,
      { mechanism: "optimal", seed: DEMO_ALLOCATION_SEED, note: "示范：开学前的社团分配" },
      SYSTEM,
    ));
  if (!(await ds.getRepository(AllocationPublication).existsBy({ roundId: round.id })))
    await publishRun(ds, run, { overrideReason: null }, SYSTEM);
  await inTransaction(ds, (em) => em.getRepository(Setting).insert({ key: MARKER, value: nowIso() }));
  return { seeded: true };
}

async function demoRound(ds: DataSource, term: Term): Promise<ChoiceRound> {
  const existing = await ds.getRepository(ChoiceRound).findOneBy({ termId: term.id, name: DEMO_ROUND_NAME });
  if (existing) return existing;
  const clubs = await ds
    .getRepository(Club)
    .find({ where: { termId: term.id, cancelled: false }, order: { id: "ASC" } });
  const students = await ds
    .getRepository(Student)
    .find({ where: { archived: false }, relations: { schoolClass: true }, order: { studentNumber: "ASC" } });
  const thursday = new Set(
    (await ds.getRepository(ServiceEnrollment).find({ where: { termId: term.id } }))
      .filter((e) => e.weekdays.includes(THURSDAY))
      .map((e) => e.studentId),
  );
  const random = seededRandom(DEMO_ALLOCATION_SEED);
  return inTransaction(ds, async (em) => {
    const now = nowIso();
    const round = await em.getRepository(ChoiceRound).save(
      em.getRepository(ChoiceRound).create({
        termId: term.id,
        name: DEMO_ROUND_NAME,
        opensAt: "2026-08-20T00:00:00.000Z",
        closesAt: "2026-08-30T10:00:00.000Z",
        grades: [1, 2, 3, 4, 5, 6],
        minChoices: 3,
        maxChoices: 5,
        maxClubsPerChild: 1,
        mechanism: "optimal",
        showFirstChoiceCounts: false,
        createdAt: now,
        updatedAt: now,
      }),
    );
    const opens = Date.parse(round.opensAt);
    // About one Thursday family in twelve never answered the round.
    const rows: Partial<Preference>[] = students
      .filter((s) => thursday.has(s.id) && bucket(`answered:${s.studentNumber}`) >= 80)
      .map((s) => {
        const list = rankedList(
          clubs.filter((c) => c.grades.includes(s.schoolClass.grade)),
          3 + (bucket(`length:${s.studentNumber}`) % 3),
          random,
        );
        const submittedAt = new Date(opens + Math.floor(random() * 9 * 24 * 3600 * 1000)).toISOString();
        return {
          roundId: round.id,
          studentId: s.id,
          clubIds: list,
          maxClubs: 1,
          placeWithSiblings: bucket(`siblings:${s.studentNumber}`) < 300,
          source: "family" as const,
          enteredByStaffId: null,
          submittedAt,
          updatedAt: submittedAt,
          version: 1,
        };
      });
    for (let i = 0; i < rows.length; i += 100) await em.getRepository(Preference).insert(rows.slice(i, i + 100));
    return round;
  });
}
