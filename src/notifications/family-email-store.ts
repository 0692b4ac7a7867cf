// A family's e-mail address: read, set (unverified, with a fresh token), verify
// by the token's hash, withdraw consent, remove. Plain data out.
import type { EntityManager } from "typeorm";
import { FamilyEmail } from "./people-entities";

type Repos = Pick<EntityManager, "getRepository">;

export interface FamilyEmailView {
  address: string;
  verifiedAt: string | null;
  consentAt: string;
  consentVersion: string;
  withdrawnAt: string | null;
  tokenExpiresAt: string | null;
  updatedAt: string;
}

const view = (row: FamilyEmail): FamilyEmailView => ({
  address: row.address,
  verifiedAt: row.verifiedAt,
  consentAt: row.consentAt,
  consentVersion: row.consentVersion,
  withdrawnAt: row.withdrawnAt,
  tokenExpiresAt: row.tokenExpiresAt,
  updatedAt: row.updatedAt,
});

export async function familyEmailOf(db: Repos, familyId: number): Promise<FamilyEmailView | null> {
  const row = await db.getRepository(FamilyEmail).findOneBy({ familyId });
  return row ? view(row) : null;
}

/** The address notices may use: verified, consent not withdrawn; else null. */
export async function usableFamilyEmail(db: Repos, familyId: number): Promise<string | null> {
  const row = await db.getRepository(FamilyEmail).findOneBy({ familyId });
  return row && row.verifiedAt && !row.withdrawnAt ? row.address : null;
}

/** A new or changed address: unverified until its link is opened, consent given now. */
export async function putFamilyEmail(
  em: EntityManager,
  familyId: number,
  fields: { address: string; consentVersion: string; tokenHash: string; tokenExpiresAt: string; at: string },
): Promise<void> {
  const repo = em.getRepository(FamilyEmail);
  const row = {
    address: fields.address,
    verifiedAt: null,
    consentAt: fields.at,
    consentVersion: fields.consentVersion,
    withdrawnAt: null,
    tokenHash: fields.tokenHash,
    tokenExpiresAt: fields.tokenExpiresAt,
    updatedAt: fields.at,
  };
  const existing = await repo.findOneBy({ familyId });
  if (existing) await repo.update({ familyId }, row);
  else await repo.insert({ familyId, ...row });
}

/** A new link for the same unverified address (the old one stops working). */
export async function renewFamilyEmailToken(
  em: EntityManager,
  familyId: number,
  tokenHash: string,
  tokenExpiresAt: string,
  at: string,
): Promise<boolean> {
  const result = await em
    .getRepository(FamilyEmail)
    .createQueryBuilder()
    .update()
    .set({ tokenHash, tokenExpiresAt, updatedAt: at })
    .where(`"familyId" = :familyId AND "verifiedAt" IS NULL AND "withdrawnAt" IS NULL`, { familyId })
    .execute();
  return (result.affected ?? 0) > 0;
}

/**
 * Marks the address verified when the token's hash matches and has not expired;
 * the token is cleared in the same UPDATE, so a link works once. Returns the
 * verified address, or null (wrong, used or expired link).
 */
export async function verifyFamilyEmail(
  em: EntityManager,
  familyId: number,
  tokenHash: string,
  at: string,
): Promise<string | null> {
  const repo = em.getRepository(FamilyEmail);
  const result = await repo
    .createQueryBuilder()
    .update()
    .set({ verifiedAt: at, tokenHash: null, tokenExpiresAt: null, updatedAt: at })
    .where(`"familyId" = :familyId AND "tokenHash" = :tokenHash AND "tokenExpiresAt" > :at`, {
      familyId,
      tokenHash,
      at,
    })
    .execute();
  if ((result.affected ?? 0) === 0) return null;
  return (await repo.findOneByOrFail({ familyId })).address;
}

/** Consent withdrawn: the address stays on record (shown, removable) but is no longer used. */
export async function withdrawFamilyEmail(em: EntityManager, familyId: number, at: string): Promise<boolean> {
  const result = await em
    .getRepository(FamilyEmail)
    .createQueryBuilder()
    .update()
    .set({ withdrawnAt: at, tokenHash: null, tokenExpiresAt: null, updatedAt: at })
    .where(`"familyId" = :familyId AND "withdrawnAt" IS NULL`, { familyId })
    .execute();
  return (result.affected ?? 0) > 0;
}

export async function removeFamilyEmail(em: EntityManager, familyId: number): Promise<boolean> {
  const result = await em.getRepository(FamilyEmail).delete({ familyId });
  return (result.affected ?? 0) > 0;
}
