// The ledger as a sub-select, for readers that must stay one SQL statement (the
// calendar feed's context row is both its input and its version). Kept here so
// the table is still read only by this module.

/**
 * The ids of the clubs a child holds now in a term (open memberships), each once;
 * `list` aggregates one column into the dialect's JSON array.
 */
export function heldClubsSql(list: (column: string, order: string) => string, studentId: string, termId: string): string {
  return `(SELECT ${list(`m."clubId"`, `m."clubId"`)} FROM (SELECT DISTINCT "clubId" FROM membership
     WHERE "studentId" = ${studentId} AND "termId" = ${termId} AND "toDate" IS NULL) m)`;
}
