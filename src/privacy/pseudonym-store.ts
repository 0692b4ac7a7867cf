// Stable pseudonyms for what deletion cannot simply drop: a deleted child's id in
// stored allocation runs and a deleted family's label in the audit log. An HMAC
// under a random key kept in the database (made on first use) gives the same
// pseudonym for the same child in every run, on every app instance, while the
// short student number cannot be recovered by trying numbers without the key.
import { createHmac, randomBytes } from "node:crypto";
import type { EntityManager } from "typeorm";
import { Setting } from "../db";

const KEY = "privacy.pseudonymKey";

async function pseudonymKey(em: EntityManager): Promise<string> {
  // Insert-if-absent, then read: two first deletions at once agree on one key.
  await em
    .createQueryBuilder()
    .insert()
    .into(Setting)
    .values({ key: KEY, value: randomBytes(32).toString("hex") })
    .orIgnore()
    .execute();
  return (await em.getRepository(Setting).findOneByOrFail({ key: KEY })).value;
}

export interface Pseudonyms {
  child(studentNumber: string): string;
  family(familyId: number): string;
}

export async function pseudonyms(em: EntityManager): Promise<Pseudonyms> {
  const key = await pseudonymKey(em);
  const mac = (text: string) => createHmac("sha256", key).update(text, "utf8").digest("hex").slice(0, 16);
  return {
    child: (studentNumber) => `deleted-${mac(`student:${studentNumber}`)}`,
    family: (familyId) => `deleted-family-${mac(`family:${familyId}`)}`,
  };
}
