// Shared set-up for the club choice tests: an open round on the seeded demo
// school, club ids by code, and a snapshot of everything a save may change.
import type { DataSource } from "typeorm";
import { AuditEntry, Club, Family, ServiceEnrollment, Student } from "../../../src/db/entities";
import { inTransaction } from "../../../src/db/transaction";
import { ChoiceRound, Preference } from "../../../src/choices/entities";
import { PRIVACY_VERSION } from "../../../src/privacy/service";
import { currentTerm } from "../../../src/choices/store/round-lookup";
import { csrfFrom, type Agent } from "../../support/http";

const HOUR = 3_600_000;
export const isoIn = (ms: number): string => new Date(Date.now() + ms).toISOString();

// Families must accept the privacy notice before any family page; the tests start after that.
export async function acceptPrivacy(ds: DataSource): Promise<void> {
  await inTransaction(ds, (em) =>
    em
      .getRepository(Family)
      .createQueryBuilder()
      .update()
      .set({ privacyVersion: PRIVACY_VERSION, privacyAcceptedAt: new Date().toISOString() })
      .execute(),
  );
}

export async function openRound(ds: DataSource, overrides: Partial<ChoiceRound> = {}): Promise<ChoiceRound> {
  return inTransaction(ds, async (em) => {
    const term = await currentTerm(em);
    const now = new Date().toISOString();
    const repo = em.getRepository(ChoiceRound);
    return repo.save(
      repo.create({
        termId: term!.id,
        name: "秋季社团选择",
        opensAt: isoIn(-HOUR),
        closesAt: isoIn(7 * 24 * HOUR),
        grades: [1, 2, 3, 4, 5, 6],
        minChoices: 3,
        maxChoices: 5,
        maxClubsPerChild: 1,
        mechanism: "optimal",
        showFirstChoiceCounts: false,
        createdAt: now,
        updatedAt: now,
        ...overrides,
      }),
    );
  });
}

export async function setRound(ds: DataSource, id: number, values: Partial<ChoiceRound>): Promise<void> {
  await inTransaction(ds, (em) => em.getRepository(ChoiceRound).update({ id }, values));
}

export async function clubIds(ds: DataSource): Promise<Record<string, number>> {
  return Object.fromEntries((await ds.getRepository(Club).find()).map((c) => [c.code, c.id]));
}

export async function studentId(ds: DataSource, studentNumber: string): Promise<number> {
  return (await ds.getRepository(Student).findOneByOrFail({ studentNumber })).id;
}

// The form as a browser would post it: CSRF token and version from the rendered page.
export async function formOf(agent: Agent, path: string): Promise<{ _csrf: string; version: string; roundId: string }> {
  const res = await agent.get(path);
  if (res.status !== 200) throw new Error(`GET ${path} answered ${res.status}`);
  return {
    _csrf: csrfFrom(res.text),
    version: /name="version" value="(\d+)"/.exec(res.text)![1],
    roundId: /name="roundId" value="(\d+)"/.exec(res.text)![1],
  };
}

/** Everything a save touches, to prove a refused post changed nothing. */
export async function snapshot(ds: DataSource, roundId: number, studentIdValue: number): Promise<string> {
  const [pref, enrollment, audits] = await Promise.all([
    ds.getRepository(Preference).findOneBy({ roundId, studentId: studentIdValue }),
    ds.getRepository(ServiceEnrollment).findOneBy({ studentId: studentIdValue }),
    ds.getRepository(AuditEntry).count(),
  ]);
  return JSON.stringify({ pref, enrollment, audits });
}
