// The registry of fact kinds: a rule file's "appliesTo" names one of these.
import type { FactKind, PolicyFact, PolicyInput, TargetKind } from "../types";
import { childDayFacts, childDayFields } from "./child-day";
import { classDateFacts, classDateFields } from "./class-date";
import { buildContext, type PolicyContext } from "./context";
import { entryFacts, entryFields } from "./entry";
import type { FieldList } from "./fields";
import { gradeDayFacts, gradeDayFields } from "./grade-day";
import { gradeWeekdayFacts, gradeWeekdayFields } from "./grade-weekday";
import { homeworkFacts, homeworkFields } from "./homework";
import { clubFacts, clubFields, staffFacts, staffFields, venueFacts, venueFields } from "./people-places";
import { slotFacts, slotFields } from "./slot";

export interface FactKindSpec {
  /** Field names a rule may read (as json-rules-engine facts) and put in {placeholders}. */
  fields: FieldList<any>;
  target: TargetKind;
  build: (ctx: PolicyContext) => PolicyFact<object>[];
}

export const FACT_KINDS: Record<FactKind, FactKindSpec> = {
  slot: { fields: slotFields, target: "slot", build: slotFacts },
  gradeWeekday: { fields: gradeWeekdayFields, target: "grade-day", build: gradeWeekdayFacts },
  gradeDay: { fields: gradeDayFields, target: "grade-day", build: gradeDayFacts },
  childDay: { fields: childDayFields, target: "grade-day", build: childDayFacts },
  classDate: { fields: classDateFields, target: "class-date", build: classDateFacts },
  homework: { fields: homeworkFields, target: "homework", build: homeworkFacts },
  entry: { fields: entryFields, target: "entry", build: entryFacts },
  staff: { fields: staffFields, target: "staff", build: staffFacts },
  venue: { fields: venueFields, target: "venue", build: venueFacts },
  club: { fields: clubFields, target: "club", build: clubFacts },
};

export const FACT_KIND_NAMES = Object.keys(FACT_KINDS) as FactKind[];

export type FactsByKind = Partial<Record<FactKind, PolicyFact<object>[]>>;

/** Builds the facts of the requested kinds (all kinds by default) from one input. */
export function buildFacts(input: PolicyInput, kinds: readonly FactKind[] = FACT_KIND_NAMES): FactsByKind {
  const ctx = buildContext(input);
  const out: FactsByKind = {};
  for (const kind of new Set(kinds)) out[kind] = FACT_KINDS[kind].build(ctx);
  return out;
}

export { buildContext } from "./context";
export type { PolicyContext } from "./context";
export type { ChildDayValues, DayPlan } from "./child-day";
export { dayPlans } from "./child-day";
export type { ClassDateValues } from "./class-date";
export type { EntryValues } from "./entry";
export type { GradeDayValues } from "./grade-day";
export type { GradeWeekdayValues } from "./grade-weekday";
export type { HomeworkValues } from "./homework";
export type { ClubValues, StaffValues, VenueValues } from "./people-places";
export type { SlotValues } from "./slot";
export {
  classDateFacts,
  entryFacts,
  gradeDayFacts,
  gradeWeekdayFacts,
  homeworkFacts,
  clubFacts,
  staffFacts,
  venueFacts,
  slotFacts,
};
