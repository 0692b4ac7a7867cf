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
