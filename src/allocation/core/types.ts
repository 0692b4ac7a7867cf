// The allocation instance and result, exactly as the design notes define them
// ("Allocation instance (JSON)"). These are the contract between the service,
// the CLI and the web layer, so field names and key order are stable: the
// result is serialised with JSON.stringify and must be byte-identical for the
// same input and seed.

/** A club (社团) offered in the choice round. */
export interface Club {
  id: string;
  /** Seats; pinned children use seats too. */
  capacity: number;
  /** Reported in `underMinClubs`, never enforced (the admin cancels and re-runs). */
  minSize: number;
  /** Eligible grades; absent means every grade. */
  grades?: number[];
  /** Opaque slot ids (e.g. `thu` or `thu-2`); the club meets in all of them. */
  slots: string[];
}

/** A child (Student) with their ranked Preference list. */
export interface Student {
  id: string;
  grade: number;
  /** Slots the family opted in to; a club is open to the child only if all its slots are here. */
  slots: string[];
  maxClubs: number;
  /** Club ids, most wanted first; rank = 1-based position as submitted. */
  choices: string[];
  /** Siblings share a group (usually the Family id). */
  group?: string;
  /** Admin decisions: always placed, may ignore grade and list, use a seat, count toward maxClubs. */
  pinned: string[];
}

export interface Instance {
  seed: number;
  clubs: Club[];
  students: Student[];
}

export type Mechanism = "optimal" | "lottery";
/** `first-come-first-served` is only the contrast shown on the admin page. */
export type ResultMechanism = Mechanism | "first-come-first-served";

export interface Metrics {
  students: number;
  placedStudents: number;
  placements: number;
  /** rankCounts[i] counts placements at rank i+1 (length = longest list). */
  rankCounts: number[];
  sumOfRanks: number;
  underMinClubs: string[];
}

/** An Allocation run's outcome; every student and every club appear as keys. */
export interface Result {
  mechanism: ResultMechanism;
  seed: number;
  assignments: Record<string, string[]>;
  waitlists: Record<string, string[]>;
  metrics: Metrics;
}

/** Which exact method produced an optimal result. */
export type SolverPath = "flow" | "flow-relaxation" | "flow-repair" | "milp" | "lottery";

/** Not part of the result (stdout stays pure); the CLI prints it on stderr. */
export interface Diagnostics {
  mechanism: Mechanism;
  path: SolverPath;
  /** Why the path was chosen, in plain words for the admin's log. */
  note: string;
  /** (placed students, placements, sum of ranks) of the returned assignment. */
  objective: [number, number, number];
  /** Best possible tuple proven by the relaxation, when a relaxation ran. */
  bound?: [number, number, number];
  flow?: { nodes: number; arcs: number; phases: number; augmentations: number; relaxationRounds: number };
  milp?: { columns: number; rows: number; layersSolved: number; ms: number };
  siblingMoves: number;
  timings: Record<string, number>;
}

export interface AllocationRun {
  result: Result;
  diagnostics: Diagnostics;
}

export interface AllocateOptions {
  mechanism: Mechanism;
  /** Overrides `instance.seed`; the result echoes the seed used. */
  seed?: number;
}
