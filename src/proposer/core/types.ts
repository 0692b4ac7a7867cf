// The timetable proposal instance and result, as the design notes define them
// ("Timetable proposal instance (JSON), for `kehou propose`"). Field names and
// key order are a contract: the result is serialised with JSON.stringify and
// must be byte-identical for the same input, seed and work budget.

import type { Metrics, Student } from "../../allocation/core";

/** A slot that may hold club sessions (a period on a weekday), e.g. `thu-2`. */
export interface Slot {
  id: string;
  /** 1 = Monday … 7 = Sunday; shown to the admin, never a constraint. */
  weekday: number;
}

export interface Venue {
  id: string;
  /** e.g. `music`, `gym`, `classroom`; a club needs a venue of its kind. */
  kind: string;
  capacity: number;
  /** Slots in which the venue holds something other than a club (homework, sport): no club may take it there. */
  busy?: string[];
}

/** A member of staff (teacher or external instructor) and the slots they can lead a club in. */
export interface StaffMember {
  id: string;
  slots: string[];
}

/** A session the admin has already decided: kept as it is. Venue and staff, when absent, are chosen. */
export interface FixedSession {
  slot: string;
  venue?: string;
  staff?: string;
}

export interface ProposalClub {
  id: string;
  /** Eligible grades; absent means every grade. */
  grades?: number[];
  capacity: number;
  minSize: number;
  /** Sessions a week, each in its own slot, all led by the same member of staff. */
  sessions: number;
  /** The venue kind it needs; null: any venue that holds it. */
  venueKind: string | null;
  /** The staff who may lead it. */
  staff: string[];
  fixed: FixedSession[];
  /**
   * The slots it may meet in (absent: every slot). The app leaves out the slots
   * where its grades have homework or sport, so no club pulls children out of them.
   */
  slots?: string[];
}

/** One club session in the proposed (or current) timetable. */
export interface Entry {
  club: string;
  slot: string;
  venue: string;
  staff: string;
}

export interface ProposalInstance {
  seed: number;
  slots: Slot[];
  venues: Venue[];
  staff: StaffMember[];
  clubs: ProposalClub[];
  /** As in the allocation instance; `slots` are the slots the child stays for. Pins are not read. */
  students: Student[];
  /** The current draft's sessions, for the last tie-break (fewest changes). */
  current: Entry[];
}

/**
 * Why a club is not in the proposal. The first four are facts of the input
 * (no layout can place the club); `crowded-out` means the club fits on its own
 * but the search found no room for it beside the others.
 */
export type UnplacedReason = "no-eligible-staff" | "no-venue" | "too-few-slots" | "fixed-conflict" | "crowded-out";

export interface UnplacedClub {
  club: string;
  reason: UnplacedReason;
  /** The same in plain English words, for logs and the command line. */
  detail: string;
}

export interface ProposalMetrics extends Metrics {
  /** Clubs in the instance, and how many the proposal places. */
  clubs: number;
  placedClubs: number;
  /** Sessions of the proposal not in the current draft as they are (club, slot, venue and staff). */
  changes: number;
}

export interface ProposalResult {
  seed: number;
  entries: Entry[];
  unplacedClubs: UnplacedClub[];
  metrics: ProposalMetrics;
  /** Present only when the time limit stopped the search before its work budget. */
  stoppedEarly?: true;
  /** The time limit in seconds, present with `stoppedEarly`. */
  timeLimit?: number;
}

export interface ProposeOptions {
  /** Overrides `instance.seed`. */
  seed?: number;
  /** Allocation-engine evaluations the search may spend (the work budget). */
  budget?: number;
  /** Seconds; the search stops at the first check after it and says so. */
  timeLimit?: number;
  /** Milliseconds from any origin; the core reads no clock of its own. Needed with timeLimit. */
  clock?: () => number;
  /** Moves drawn per exact evaluation, the best by a quick lottery screen going to the judge (1: none). */
  screen?: number;
  /** Asked before each move; true stops the search as the time limit does, keeping the best layout (the admin's "stop"). */
  shouldStop?: () => boolean;
  /** Called after each evaluation with the best objective so far (bench and progress). */
  onProgress?: (progress: Progress) => void;
}

/** (clubs placed, children with a club, placements, −sum of ranks, −changes): larger is better. */
export type Score = [number, number, number, number, number];

export interface Progress {
  evaluations: number;
  budget: number;
  best: Score;
}

export interface ProposalRun {
  result: ProposalResult;
  diagnostics: {
    evaluations: number;
    cacheHits: number;
    /** Evaluations settled by children reached alone, without the engine (see core/reach.ts). */
    turnedAway: number;
    screenings: number;
    improvements: { evaluation: number; score: Score }[];
    firstFeasibleMs: number;
    totalMs: number;
    engineMs: number;
    start: "greedy" | "current";
  };
}
