// The plain-object contract between the database layer and the policy core.
// Everything here is data: no classes, no ORM types, string ids throughout.

export type IsoDate = string; // YYYY-MM-DD
export type ClockTime = string; // HH:MM (24 h)
export type Weekday = 1 | 2 | 3 | 4 | 5 | 6 | 7; // ISO: 1 = Monday … 7 = Sunday
export type TimetableWeekday = 1 | 2 | 3 | 4 | 5;

export type SpecialDayKind = "holiday" | "exam" | "makeup" | "event";

export interface SpecialDay {
  date: IsoDate;
  kind: SpecialDayKind;
  /** For a make-up day (调休): which weekday's timetable it runs. */
  runsWeekday?: TimetableWeekday;
  name?: string;
}

export interface Term {
  startDate: IsoDate;
  endDate: IsoDate;
  specialDays: SpecialDay[];
}

export type Severity = "error" | "warning";

/** A rule parameter: a scalar, a list, or a value chosen by a field of the fact (e.g. by grade). */
export type ParameterScalar = number | string | boolean;
export type ParameterValue = ParameterScalar | ParameterScalar[] | BandedParameter;
export interface BandedParameter {
  by: string;
  cases: { in: ParameterScalar[]; value: ParameterScalar }[];
  default?: ParameterScalar;
}

export interface RuleOverride {
  enabled?: boolean;
  severity?: Severity;
  parameters?: Record<string, ParameterValue>;
}

/**
 * Per-school settings. A top-level key equal to a rule parameter's name overrides that
 * parameter in every rule that has it; `rules[ruleId]` overrides one rule.
 */
export interface PolicySettings {
  earliestEnd?: ClockTime;
  latestEnd?: ClockTime;
  minServiceMinutes?: number;
  serviceDaysPerWeek?: number;
  maxStaffSessionsPerWeek?: number;
  rules?: Record<string, RuleOverride>;
}

export interface SchoolClass {
  id: string;
  grade: number;
  name: string;
}

export interface Period {
  id: string;
  name: string;
  start: ClockTime;
  end: ClockTime;
  grades: number[];
}

export type SessionKind = "homework" | "club" | "sport" | "activity" | "lesson";

export interface TimetableEntry {
  id: string;
  weekday: TimetableWeekday;
  periodId: string;
  kind: SessionKind;
  grades: number[];
  classId?: string;
  clubId?: string;
  staffId?: string;
  venueId?: string;
  expectedSize?: number;
}

/** PE lessons and the long break (大课间) in the school day, outside the service. */
export interface DailySport {
  grade: number;
  weekday: TimetableWeekday;
  peMinutes: number;
  breakMinutes: number;
}

export interface Staff {
  id: string;
  name: string;
  kind: "teacher" | "external";
  vettedOn?: IsoDate;
}

export interface Venue {
  id: string;
  name: string;
  capacity: number;
}

export interface Club {
  id: string;
  name: string;
  minSize: number;
  maxSize: number;
  members?: number;
}

export type HomeworkTier = "basic" | "improving" | "extension";

export interface HomeworkEntry {
  id: string;
  classId: string;
  grade: number;
  date: IsoDate;
  subject: string;
  tier: HomeworkTier;
  written: boolean;
  minutes: number;
}

/** A child in the service: their grade and class, and the weekdays the family opted in to (service days). */
export interface Child {
  id: string;
  name: string;
  grade: number;
  classId: string;
  serviceDays: number[];
}

/** A child's place in a club over school dates [fromDate, toDate) (the membership ledger's span). */
export interface Seat {
  childId: string;
  clubId: string;
  fromDate: IsoDate;
  toDate: IsoDate | null;
}

export interface PolicyInput {
  term: Term;
  settings: PolicySettings;
  grades: number[];
  classes: SchoolClass[];
  periods: Period[];
  entries: TimetableEntry[];
  dailySport: DailySport[];
  staff: Staff[];
  venues: Venue[];
  clubs: Club[];
  homework: HomeworkEntry[];
  /** Per-child checks (childDay) run only when the children are given. */
  children?: Child[];
  seats?: Seat[];
}

export type Locale = "zh-CN" | "en";
export type Localized = Record<Locale, string>;

export type TargetKind = "slot" | "grade-day" | "class-date" | "staff" | "entry" | "venue" | "club" | "homework";

/** Enough ids for the web layer to link a violation to the offending thing. */
export interface ViolationTarget {
  kind: TargetKind;
  weekday?: number;
  periodId?: string;
  grade?: number;
  classId?: string;
  date?: IsoDate;
  staffId?: string;
  entryId?: string;
  venueId?: string;
  clubId?: string;
  homeworkId?: string;
  /** A per-child finding: the children whose day plan it is (ids, ascending). */
  children?: string[];
}

export interface Violation {
  ruleId: string;
  severity: Severity;
  message: Localized;
  /** The rule's parameters as applied to this fact (settings and grade bands resolved). */
  params: Record<string, ParameterScalar | ParameterScalar[]>;
  /** The checked fact's values, as used in the message. */
  values: Record<string, FactValue>;
  target: ViolationTarget;
}

export type FactValue = number | string | boolean | null | undefined | number[] | string[] | Localized;

export type FactKind =
  "slot" | "gradeWeekday" | "gradeDay" | "childDay" | "classDate" | "homework" | "entry" | "staff" | "venue" | "club";

/** One thing checked: its kind, where it links to, and the values rules read. */
export interface PolicyFact<V extends object = Record<string, FactValue>> {
  kind: FactKind;
  target: ViolationTarget;
  values: V;
}
