// The ledger as a sub-select, for readers that must stay one SQL statement (the
// calendar feed's context row is both its input and its version). Kept here so
// the table is still read only by this module.

/**
 * Every membership of a child in a term, as {clubId, fromDate, toDate} (toDate
 * excluded, null while open): a feed places each club on the dates the child
 * holds it (core activeOn), not on every date of the term. `list` aggregates
 * one object per row into the dialect's JSON array, `object` builds one.
 */
export function clubSpansSql(
  list: (object: string, order: string) => string,
  object: (pairs: Record<string, string>) => string,
  studentId: string,
  termId: string,
): string {
  return `(SELECT ${list(object({ clubId: `m."clubId"`, fromDate: `m."fromDate"`, toDate: `m."toDate"` }), `m."clubId", m."fromDate"`)} FROM membership m
     WHERE m."studentId" = ${studentId} AND m."termId" = ${termId})`;
}

/**
 * Every membership of a term, as {clubId, studentId, fromDate, toDate}: a feed
 * counts each club's members on a date (core countsOn) from these, and a change
 * to the ledger changes the feed's version row.
 */
export function clubMemberSpansSql(
  list: (object: string, order: string) => string,
  object: (pairs: Record<string, string>) => string,
  termId: string,
): string {
  return `(SELECT ${list(object({ clubId: `m."clubId"`, studentId: `m."studentId"`, fromDate: `m."fromDate"`, toDate: `m."toDate"` }), `m."clubId", m."studentId", m."fromDate"`)} FROM membership m
     WHERE m."termId" = ${termId})`;
}
