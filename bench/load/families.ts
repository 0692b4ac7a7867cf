// Load-test setup written straight into the database: the demo school gives
// only two families a code, so N families (one child each in the round's
// grades) get the same hashed code, and one choice round opens now.
import type { DataSource } from "typeorm";
import { In } from "typeorm";
import { Family, Student, Term } from "../../src/db/entities";
import { ChoiceRound } from "../../src/choices/entities";
import { loadClubOffer } from "../../src/choices/store/club-offer";
import { offeredTo } from "../../src/choices/core";
import { inTransaction } from "../../src/db/transaction";
import { hashSecret } from "../../src/http/auth/passwords";

export const BENCH_CODE = "BENCH234";
export const ROUND_GRADES = [3, 4, 5, 6];

export interface BenchFamily {
  familyId: number;
  studentId: number;
  studentNumber: string;
  grade: number;
  clubs: number[];
}

/** Gives `count` families a code and returns them with a 3-club list each (rotated so clubs differ). */
export async function prepareFamilies(
  ds: DataSource,
  count: number,
): Promise<{ round: ChoiceRound; families: BenchFamily[] }> {
  const term = await ds.getRepository(Term).findOneByOrFail({ current: true });
  const offer = await loadClubOffer(ds.manager, term.id);
  const students = await ds
    .getRepository(Student)
    .find({ where: { archived: false }, relations: { schoolClass: true }, order: { id: "ASC" } });
  const seen = new Set<number>();
  const picked = students
    .filter((s) => ROUND_GRADES.includes(s.schoolClass.grade) && !seen.has(s.familyId) && seen.add(s.familyId))
    .slice(0, count);
  if (picked.length < count)
    throw new Error(`only ${picked.length} families with a child in grades ${String(ROUND_GRADES)}`);
  const hash = await hashSecret(BENCH_CODE);
  const now = new Date();
  const round = await inTransaction(ds, async (em) => {
    await em
      .getRepository(Family)
      .update({ id: In(picked.map((s) => s.familyId)) }, { accessCodeHash: hash, codeIssuedAt: now.toISOString() });
    const repo = em.getRepository(ChoiceRound);
    return repo.save(
      repo.create({
        termId: term.id,
        name: "bench round",
        grades: ROUND_GRADES,
        minChoices: 3,
        maxChoices: 5,
        maxClubsPerChild: 1,
        mechanism: "optimal",
        opensAt: new Date(now.getTime() - 3600_000).toISOString(),
        closesAt: new Date(now.getTime() + 7 * 86400_000).toISOString(),
        showFirstChoiceCounts: false,
        createdAt: now.toISOString(),
        updatedAt: now.toISOString(),
      }),
    );
  });
  const families = picked.map((s, i) => {
    const grade = s.schoolClass.grade;
    const fits = offer.filter((c) => offeredTo(c, grade) && c.meetings.every((m) => m.weekday === 4));
    if (fits.length < 3) throw new Error(`grade ${grade}: only ${fits.length} Thursday clubs`);
    const clubs = [0, 1, 2].map((k) => fits[(i + k) % fits.length].id);
    return { familyId: s.familyId, studentId: s.id, studentNumber: s.studentNumber, grade, clubs };
  });
  return { round, families };
}
