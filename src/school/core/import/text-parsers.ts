import { fail, ok, Parsed } from "./parsed";

// Plain text (names, class names): trimmed, inner runs of spaces collapsed.
export function parseText(max: number) {
  return (raw: string): Parsed<string> => {
    const value = raw.replace(/\s+/g, " ").trim();
    if (value === "") return fail("required");
    if ([...value].length > max) return fail("too-long", { max });
    return ok(value);
  };
}

// Excel shows a long number typed into a General cell as 1.23457E+18; the digits
// are gone, so say so instead of reporting a vague "bad id".
const SCIENTIFIC = /^[+-]?\d+(\.\d+)?e[+-]?\d+$/i;

// Student and staff numbers: letters, digits, "-" and "_", kept exactly
// (leading zeros included); full-width digits and a leading apostrophe are undone.
export function parseId(raw: string): Parsed<string> {
  const value = raw.normalize("NFKC").replace(/\s+/g, "").replace(/^'/, "");
  if (value === "") return fail("required");
  if (SCIENTIFIC.test(value)) return fail("scientific-notation", { value });
  if (value.length > 32) return fail("too-long", { max: 32 });
  if (!/^[0-9A-Za-z][0-9A-Za-z_-]*$/.test(value)) return fail("bad-id", { value });
  return ok(value);
}

// Mainland mobile (1[3-9] + 9 digits) or landline with area code; "+86", spaces,
// dashes and brackets are dropped and the digits kept.
export function parsePhone(raw: string): Parsed<string> {
  const original = raw.trim();
  const compact = original
    .normalize("NFKC")
    .replace(/[\s\-()]/g, "")
    .replace(/^'/, "");
  if (SCIENTIFIC.test(compact)) return fail("scientific-notation", { value: original });
  const digits = compact.replace(/^(\+86|0086)/, "");
  if (/^1[3-9]\d{9}$/.test(digits) || /^0\d{9,11}$/.test(digits)) return ok(digits);
  return fail("bad-phone", { value: original });
}

// Staff log in by e-mail, so it must look like one; compared case-insensitively.
export function parseEmail(raw: string): Parsed<string> {
  const value = raw.normalize("NFKC").trim().toLowerCase();
  if (value.length > 254 || !/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(value)) return fail("bad-email", { value: raw.trim() });
  return ok(value);
}

// Whole numbers such as club sizes; "30人" is accepted as 30.
export function parseCount(min: number, max: number) {
  return (raw: string): Parsed<number> => {
    const value = raw.normalize("NFKC").trim().replace(/人$/, "");
    if (!/^\d+$/.test(value)) return fail("bad-number", { value: raw.trim() });
    const n = Number(value);
    if (n < min || n > max) return fail("out-of-range", { value: n, min, max });
    return ok(n);
  };
}
