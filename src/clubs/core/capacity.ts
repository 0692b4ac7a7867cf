// The capacity rule, pure. A club's capacity (maxSize) may not go below the
// most members the ledger has for it on one remaining date of the term (its
// peak); a club that already holds more is over-full, flagged wherever its
// fill is shown. Both read the same peak, so the flag shows exactly what the
// guard would refuse.

/** The most members a club has on one date of a stretch, and that date (the ledger's Peak). */
export interface Peak {
  count: number;
  date: string;
}

/** A club holding more members than seats. */
export const isOverFull = (peak: Peak | undefined, maxSize: number): boolean =>
  peak !== undefined && peak.count > maxSize;

/**
 * A new capacity is refused when it is lower than the current one and below the
 * peak. Raising the capacity, or keeping it, is never refused (an over-full club
 * can still be edited, and moved towards fitting).
 */
export const belowMembers = (currentMaxSize: number, newMaxSize: number, peak: Peak): boolean =>
  newMaxSize < currentMaxSize && peak.count > newMaxSize;
