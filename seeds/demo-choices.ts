// Demo and test data for allocation: a closed choice round in the current
// term, and for ~200 demo children a service opt-in and a ranked list drawn
// from a seeded generator (so every run of a test sees the same school).
// Popular clubs are popular for everyone, so some clubs fill and waitlists form.
import { type DataSource, In } from "typeorm";
import { Club, ServiceEnrollment, Student, Term, inTransaction, nowIso } from "../src/db";
import { ChoiceRound, Preference } from "../src/choices/entities";

export interface DemoChoicesOptions {
  /** How many children get a list (besides `alsoStudentNumbers`). */
  students?: number;
  seed?: number;
  /** Extra children who always take part (e.g. the demo families' children). */
  alsoStudentNumbers?: string[];
  /** Sets every club's seats (and caps its minimum at half of them), to make a tight school for waitlist tests. */
  clubSize?: number;
}

/** mulberry32: tiny, seeded, the same sequence on every machine. */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function weightedPick<T>(items: T[], weight: (x: T) => number, count: number, random: () => number): T[] {
  const pool = [...items];
  const out: T[] = [];
  while (out.length < count && pool.length) {
    const total = pool.reduce((s, x) => s + weight(x), 0);
    let r = random() * total;
    let i = 0;
    while (i < pool.length - 1 && (r -= weight(pool[i])) > 0) i++;
    out.push(pool.splice(i, 1)[0]);
  }
  return out;
}

export async function seedDemoChoices(
  ds: DataSource,
  options: DemoChoicesOptions = {},
): Promise<{ round: ChoiceRound; studentIds: number[] }> {
  const random = seededRandom(options.seed ?? 7);
  const term = await ds.getRepository(Term).findOneByOrFail({ current: true });
  const clubs = await ds
    .getRepository(Club)
    .find({ where: { termId: term.id, cancelled: false }, order: { id: "ASC" } });
  // A fixed popularity per club: a few clubs are everyone's favourites.
  const popularity = new Map(clubs.map((c, i) => [c.id, 1 / (1 + ((i * 7) % clubs.length))]));
  const all = await ds
    .getRepository(Student)
    .find({ where: { archived: false }, relations: { schoolClass: true }, order: { studentNumber: "ASC" } });
  const also = new Set(options.alsoStudentNumbers ?? []);
  const picked = weightedPick(
    all.filter((s) => !also.has(s.studentNumber)),
    () => 1,
    options.students ?? 200,
    random,
  );
  const chosen = [...all.filter((s) => also.has(s.studentNumber)), ...picked];
  return inTransaction(ds, async (em) => {
    const now = nowIso();
    if (options.clubSize !== undefined) {
      const size = options.clubSize;
      for (const c of clubs)
        await em
          .getRepository(Club)
          .update({ id: c.id }, { maxSize: size, minSize: Math.min(c.minSize, Math.floor(size / 2)) });
    }
    const round = await em.getRepository(ChoiceRound).save(
      em.getRepository(ChoiceRound).create({
        termId: term.id,
        name: "2026 秋季社团选课",
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
    await em.getRepository(ServiceEnrollment).delete({ termId: term.id, studentId: In(chosen.map((s) => s.id)) });
    const enrollments: Partial<ServiceEnrollment>[] = [];
    const preferences: Partial<Preference>[] = [];
    const opens = Date.parse(round.opensAt);
    for (const s of chosen) {
      const r = random();
      // Most families opt in every day; a few leave out Thursday, the club day.
      const weekdays = r < 0.92 || also.has(s.studentNumber) ? [1, 2, 3, 4, 5] : r < 0.97 ? [1, 2, 3, 5] : [1, 3, 4];
      enrollments.push({
        termId: term.id,
        studentId: s.id,
        weekdays,
        source: "family",
        enteredByStaffId: null,
        updatedAt: now,
      });
      const eligible = clubs.filter((c) => c.grades.includes(s.schoolClass.grade));
      const length = 3 + Math.floor(random() * 3);
      const list = weightedPick(eligible, (c) => popularity.get(c.id)!, length, random);
      const submittedAt = new Date(opens + Math.floor(random() * 9 * 24 * 3600 * 1000)).toISOString();
      preferences.push({
        roundId: round.id,
        studentId: s.id,
        clubIds: list.map((c) => c.id),
        maxClubs: 1,
        placeWithSiblings: random() < 0.3,
        source: "family",
        enteredByStaffId: null,
        submittedAt,
        updatedAt: submittedAt,
        version: 1,
      });
    }
    for (let i = 0; i < chosen.length; i += 100) {
      await em.getRepository(ServiceEnrollment).insert(enrollments.slice(i, i + 100));
      await em.getRepository(Preference).insert(preferences.slice(i, i + 100));
    }
    return { round, studentIds: chosen.map((s) => s.id) };
  });
}
