// Passwords and family access codes are stored only as argon2id hashes.
import argon2 from "argon2";
import { randomBytes, randomInt } from "node:crypto";

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

// Staff passwords open the school's records: at least 12 characters and not
// a common password (the 49k most common, case-insensitively, also with
// digits or symbols stuck on the end, or with fewer than 4 distinct
// characters). Every place that sets a staff password calls this.
export const STAFF_PASSWORD_MIN = 12;
export type StaffPasswordProblem = "validation.passwordLength" | "validation.passwordCommon";

let common: Set<string> | undefined;
function commonPasswords(): Set<string> {
  // Loaded on first use: the list is large and only password changes need it.
  return (common ??= new Set(
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    (require("@zxcvbn-ts/language-common") as typeof import("@zxcvbn-ts/language-common")).dictionary[
      "passwords-common"
    ],
  ));
}

export function checkStaffPassword(password: string): StaffPasswordProblem | null {
  if ([...password].length < STAFF_PASSWORD_MIN) return "validation.passwordLength";
  const lower = password.toLowerCase();
  const stem = lower.replace(/[\d\p{P}\p{S}\s]+$/u, "");
  const list = commonPasswords();
  if (list.has(lower) || (stem.length > 0 && list.has(stem)) || new Set(lower).size < 4)
    return "validation.passwordCommon";
  return null;
}

// A password an admin hands over after a reset: random, and passing the check.
export function newStaffPassword(): string {
  let password: string;
  do password = randomBytes(12).toString("base64url");
  while (checkStaffPassword(password));
  return password;
}
