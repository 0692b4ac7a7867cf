// Early pick-up (提前接走): who collected a child before the end of their day,
// and whether that person is on the family's list. Pure.

export interface ListedPerson {
  id: number;
  name: string;
  relation: string;
  relationOther: string | null;
}

/** Who collected: one of the family's list, or someone else named by the teacher. */
export type Collector = { kind: "listed"; personId: number } | { kind: "other"; name: string };

export interface ResolvedCollector {
  personId: number | null;
  name: string;
  relation: string | null;
  relationOther: string | null;
  /** Not on the family's list: shown in red, and the class teacher and admins are told. */
  unlisted: boolean;
}

/** The collector as stored, or null when a listed id is not the family's (the form lied, or the list changed). */
export function resolveCollector(collector: Collector, list: readonly ListedPerson[]): ResolvedCollector | null {
  if (collector.kind === "other")
    return { personId: null, name: collector.name, relation: null, relationOther: null, unlisted: true };
  const person = list.find((p) => p.id === collector.personId);
  if (!person) return null;
  return {
    personId: person.id,
    name: person.name,
    relation: person.relation,
    relationOther: person.relationOther,
    unlisted: false,
  };
}

/** "16:05" from "16:05" or "16:05:30"; null when it is no time of day. */
export function timeOfDay(value: string): string | null {
  const m = /^([01]\d|2[0-3]):([0-5]\d)(?::[0-5]\d)?$/.exec(value.trim());
  return m ? `${m[1]}:${m[2]}` : null;
}

/** Why an early pick-up may not be undone (null: it may). */
export type UndoRefusal = "notToday" | "notYours";

/**
 * Whether someone may undo (撤销) an early pick-up recorded by mistake. Only on
 * its own day: after that the day is closed, the family has planned around it
 * and the register's correction window is the place to argue. Only the teacher
 * who recorded it, who knows it was a mistake, or an admin (the office).
 */
export function undoRefusal(
  pickup: { date: string; recordedByStaffId: number | null },
  by: { staffId: number; isAdmin: boolean },
  today: string,
): UndoRefusal | null {
  if (pickup.date !== today) return "notToday";
  if (!by.isAdmin && pickup.recordedByStaffId !== by.staffId) return "notYours";
  return null;
}
