// Passwords and family access codes are stored only as argon2id hashes.
import argon2 from "argon2";
import { randomInt } from "node:crypto";

export const hashSecret = (secret: string): Promise<string> => argon2.hash(secret, { type: argon2.argon2id });

export async function verifySecret(hash: string | null, secret: string): Promise<boolean> {
  if (!hash) return false;
  try {
    return await argon2.verify(hash, secret);
  } catch {
    return false;
  }
}

// A hash of a random secret to verify against when the account does not
// exist, so a wrong student number takes as long as a wrong code.
let decoy: Promise<string> | undefined;
export const decoyHash = (): Promise<string> => (decoy ??= hashSecret("decoy-secret-not-used"));

// Family codes avoid look-alike characters (0/O, 1/I/L) since they are typed from paper.
const CODE_ALPHABET = "23456789ABCDEFGHJKMNPQRSTUVWXYZ";
export function newFamilyCode(length = 8): string {
  let code = "";
  for (let i = 0; i < length; i++) code += CODE_ALPHABET[randomInt(CODE_ALPHABET.length)];
  return code;
}

export function normaliseFamilyCode(input: string): string {
  return input.replace(/[\s-]/g, "").toUpperCase();
}

// The one check every new staff password passes (first-run setup for now); an i18n key when it fails.
export const STAFF_PASSWORD_MIN = 12;
export function checkStaffPassword(password: string): string | null {
  return [...password].length >= STAFF_PASSWORD_MIN ? null : "validation.staffPasswordLength";
}
