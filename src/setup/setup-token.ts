// The one-time first-run setup token. Only its SHA-256 is stored (in a setting,
// so every instance accepts it); the token itself is shown once, on stderr.
// It is 32 random bytes, so a fast hash is enough: there is nothing to guess.
import { createHash, randomBytes, timingSafeEqual } from "node:crypto";
import type { DataSource, EntityManager } from "typeorm";
import { inTransaction } from "../db";
import { deleteSetting, saveSetting, settingValue } from "./store";

export const SETUP_TOKENS_KEY = "setup.tokens";
export const TOKEN_HOURS = 24;

interface StoredToken {
  hash: string;
  expiresAt: string;
}
type Repos = Pick<EntityManager, "getRepository">;

const sha256 = (token: string) => createHash("sha256").update(token).digest("hex");

async function storedTokens(em: Repos): Promise<StoredToken[]> {
  const value = await settingValue(em, SETUP_TOKENS_KEY);
  try {
    const parsed: unknown = value !== null ? JSON.parse(value) : [];
    return Array.isArray(parsed) ? (parsed as StoredToken[]) : [];
  } catch {
    return [];
  }
}

/**
 * A new token valid for 24 h. `replace` (kehou setup-token) invalidates earlier ones;
 * a server start keeps other instances' unexpired tokens, so each printed token works.
 */
export async function issueSetupToken(
  ds: DataSource,
  { replace }: { replace: boolean },
  now = new Date(),
): Promise<{ token: string; expiresAt: string }> {
  const token = randomBytes(32).toString("base64url");
  const expiresAt = new Date(now.getTime() + TOKEN_HOURS * 3600_000).toISOString();
  await inTransaction(ds, async (em) => {
    const kept = replace ? [] : (await storedTokens(em)).filter((t) => t.expiresAt > now.toISOString());
    await saveSetting(em, SETUP_TOKENS_KEY, JSON.stringify([...kept, { hash: sha256(token), expiresAt }]));
  });
  return { token, expiresAt };
}

export async function setupTokenValid(em: Repos, token: string, now = new Date()): Promise<boolean> {
  const hash = Buffer.from(sha256(token), "hex");
  return (await storedTokens(em)).some(
    (t) => t.expiresAt > now.toISOString() && timingSafeEqual(Buffer.from(t.hash, "hex"), hash),
  );
}

export async function clearSetupTokens(em: Repos): Promise<void> {
  await deleteSetting(em, SETUP_TOKENS_KEY);
}
