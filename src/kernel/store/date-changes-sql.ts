// The kernel's per-date changes as sub-selects, for readers that must stay one
// SQL statement (the calendar feed's context row is both its input and its
// version, so a cancellation or a cover rebuilds the feeds). Kept here so the
// tables are still read only by the kernel; the rules stay in core/date-changes.

type List = (object: string, order: string) => string;
type JsonObject = (pairs: Record<string, string>) => string;

/** A term's cancellations ({id, date, entryId, grade, reason}) and covers ({id, date, entryId, staffId}) as JSON arrays. */
export function dateChangesSql(
  list: List,
  object: JsonObject,
  termId: string,
): { cancellations: string; covers: string } {
  return {
    cancellations: `(SELECT ${list(object({ id: "c.id", date: "c.date", entryId: `c."entryId"`, grade: "c.grade", reason: "c.reason" }), "c.date, c.id")}
     FROM session_cancellation c WHERE c."termId" = ${termId})`,
    covers: `(SELECT ${list(object({ id: "v.id", date: "v.date", entryId: `v."entryId"`, staffId: `v."staffId"` }), "v.date, v.id")}
     FROM session_cover v WHERE v."termId" = ${termId})`,
  };
}
