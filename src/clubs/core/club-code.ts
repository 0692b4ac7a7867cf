// A club's code (the short ASCII id exports and feeds use) made from its name,
// so an admin who names a club "合唱团" need not invent "choir". The ASCII
// words of the name make a slug ("Chess Club 国际象棋" → "chess-club"); a name
// with none gets "club-<n>". Either way a number is added until no other club
// of the term has it. The admin may still type a code of their own.

export const CODE_MAX = 40;
const SLUG_MAX = 30;

/** The ASCII words of a name, lower-cased and joined by "-" (at most 30 characters, whole words); "" when it has none. */
export function slugOf(name: string): string {
  let slug = "";
  for (const word of name.toLowerCase().match(/[a-z0-9]+/g) ?? []) {
    const next = slug ? `${slug}-${word}` : word;
    if (next.length > SLUG_MAX) return slug || word.slice(0, SLUG_MAX);
    slug = next;
  }
  return slug;
}

/** A code for `name` that none of `taken` has: its slug (then slug-2, slug-3 …), or club-<n> from n = `taken.size` + 1 up. */
export function codeFromName(name: string, taken: ReadonlySet<string>): string {
  const slug = slugOf(name);
  if (slug && !taken.has(slug)) return slug;
  const base = slug || "club";
  for (let n = slug ? 2 : taken.size + 1; ; n++) {
    const code = `${base}-${n}`;
    if (!taken.has(code)) return code;
  }
}
