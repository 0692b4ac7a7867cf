// Whose places differ between two states of a round: the republication diff
// (what families see now → what a run would publish) and the comparison of two
// runs share it. Keys are children (ids or student numbers), values their clubs.

export interface PlaceDiff<K, V> {
  key: K;
  from: V[];
  to: V[];
}

const order = <T extends string | number>(a: T, b: T): number =>
  typeof a === "number" && typeof b === "number" ? a - b : String(a).localeCompare(String(b));

/**
 * Every child whose set of places differs, sorted by key, places sorted too.
 * A child in only one of the two states counts (a child added to or dropped
 * from a run has changed even with no club on either side).
 */
export function placeDiff<K extends string | number, V extends string | number>(
  was: ReadonlyMap<K, readonly V[]>,
  will: ReadonlyMap<K, readonly V[]>,
): PlaceDiff<K, V>[] {
  const out: PlaceDiff<K, V>[] = [];
  for (const key of [...new Set([...was.keys(), ...will.keys()])].sort(order)) {
    const from = [...(was.get(key) ?? [])].sort(order);
    const to = [...(will.get(key) ?? [])].sort(order);
    if (!was.has(key) || !will.has(key) || from.join("\u0000") !== to.join("\u0000")) out.push({ key, from, to });
  }
  return out;
}
