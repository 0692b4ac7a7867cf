// Every constraint of the allocation model, in one place and by its product
// meaning. Each is a small named piece; the compiled model (model.ts), the
// min-cost flow (flow-model.ts, student-groups.ts), the integer program
// (milp-program.ts), the mechanisms' feasibility checks (objective.ts,
// serial.ts, result.ts…) and the stored-result check (check-result.ts) all
// consult these by name, so a constraint is changed here or nowhere.
//
// Not constraints (so not here): a club's minimum size is reported
// (metrics.underMinClubs), never enforced; siblings together is a tie-break
// among equal optima (tie-break.ts), never traded against the objective.

import type { Model } from "./model";

/** How each constraint enters each formulation (read by people; docs/allocation.md has the same table). */
export const CONSTRAINTS = [
  {
    name: "grade eligibility",
    meaning: "A club that names grades is open only to children of those grades (a pin may ignore it).",
    model: "not an option (gradeEligible)",
    flow: "no child→club arc",
    program: "no column",
  },
  {
    name: "whole club (every session a week)",
    meaning:
      "A club is taken with all its weekly sessions: the child must be at school (opted in) in every slot it meets.",
    model: "not an option (attendsWholeClub)",
    flow: "no child→club arc",
    program: "no column",
  },
  {
    name: "pins",
    meaning:
      "An admin's pin is always held, uses a seat and counts toward the child's limit; nothing may meet in a pinned club's slots.",
    model: "seats and room net of pins (seatsAfterPins, clubsLeft); clashing options dropped (attendsWholeClub)",
    flow: "pinned child's first-unit arc closed, only the extra arc opens",
    program: "constant part of the objective (base)",
  },
  {
    name: "one seat per club",
    meaning: "A child holds a club at most once.",
    model: "one option per (child, club)",
    flow: "child→club arc capacity 1 (ONE_SEAT)",
    program: "x ∈ {0,1}",
  },
  {
    name: "clubs per child",
    meaning: "A child holds at most maxClubs clubs, pins included.",
    model: "room = clubsLeft(maxClubs, pins)",
    flow: "source→child arcs (1, then room − 1)",
    program: "row clubLimitRow",
  },
  {
    name: "one club per slot",
    meaning: "A child is in at most one club at a time: two held clubs never meet in a common slot.",
    model: "clubsClash",
    flow: "clashing options share a capacity-1 group node (exact, or a relaxation repaired later)",
    program: "rows oneClubPerSlotRows",
  },
  {
    name: "capacity",
    meaning: "A club seats at most its capacity, pinned children included.",
    model: "seats = seatsAfterPins",
    flow: "club→sink arc capacity seatsLeft",
    program: "rows capacityRows",
  },
] as const;

// ——— Options: which (child, club) pairs the engine may give at all ———

/** Grade eligibility: a club with no grades is open to every grade. */
export function gradeEligible(grades: ReadonlySet<number> | null, grade: number): boolean {
  return grades === null || grades.has(grade);
}

/**
 * Whole club and pins: every slot the club meets in is one the child is at
 * school for, and none is taken by one of the child's pinned clubs.
 */
export function attendsWholeClub(
  model: Pick<Model, "clubSlotStart" | "clubSlot">,
  c: number,
  free: (slot: number) => boolean,
): boolean {
  for (let k = model.clubSlotStart[c]; k < model.clubSlotStart[c + 1]; k++) if (!free(model.clubSlot[k])) return false;
  return true;
}

// ——— Limits ———

/** Capacity: the seats the engine may still fill once pinned children are seated (may be negative when pins overfill). */
export const seatsAfterPins = (capacity: number, pins: number): number => capacity - pins;

/** Capacity, as an arc: never a negative capacity. */
export const seatsLeft = (seats: number): number => Math.max(0, seats);

/** Clubs per child: how many clubs the engine may still give once pins are held. */
export const clubsLeft = (maxClubs: number, pins: number): number => Math.max(0, maxClubs - pins);

/** One seat per club: a child→club arc carries at most one unit. */
export const ONE_SEAT = 1;

/** One club per slot: two clubs clash when they meet in a common slot. */
export function clubsClash(model: Pick<Model, "clubSlotStart" | "clubSlot">, a: number, b: number): boolean {
  const { clubSlotStart: st, clubSlot: sl } = model;
  for (let i = st[a]; i < st[a + 1]; i++) for (let j = st[b]; j < st[b + 1]; j++) if (sl[i] === sl[j]) return true;
  return false;
}

// ——— The integer program's rows (Σ cols·coef ≤ upper) ———

export interface Row {
  cols: number[];
  coef: number[];
  upper: number;
}

const ones = (k: number) => new Array<number>(k).fill(1);

/** Clubs per child, over the child's columns; null when it can never bind (fewer columns than room). */
export function clubLimitRow(cols: number[], room: number): Row | null {
  return cols.length > room ? { cols, coef: ones(cols.length), upper: room } : null;
}

/** y[u] ≤ Σ x[u]: a child counts as placed only with a club (objective support, not a rule of the school). */
export function placedOnlyWithClubRow(y: number, cols: number[]): Row {
  return { cols: [y, ...cols], coef: [1, ...cols.map(() => -1)], upper: 0 };
}

/**
 * One club per slot, over one child's columns: for every slot met by two or
 * more of them, at most one. Not needed when the child may take one club.
 */
export function oneClubPerSlotRows(
  model: Pick<Model, "clubSlotStart" | "clubSlot">,
  cols: number[],
  clubOf: (col: number) => number,
  room: number,
): Row[] {
  if (cols.length <= 1 || room <= 1) return [];
  const bySlot = new Map<number, number[]>();
  for (const j of cols) {
    const c = clubOf(j);
    for (let k = model.clubSlotStart[c]; k < model.clubSlotStart[c + 1]; k++) {
      const list = bySlot.get(model.clubSlot[k]);
      if (list) list.push(j);
      else bySlot.set(model.clubSlot[k], [j]);
    }
  }
  const rows: Row[] = [];
  for (const list of bySlot.values()) if (list.length > 1) rows.push({ cols: list, coef: ones(list.length), upper: 1 });
  return rows;
}

/** Capacity, per club, over every column; a club with no more candidates than seats needs no row. */
export function capacityRows(
  nClubs: number,
  seats: Int32Array,
  cols: number[],
  clubOf: (col: number) => number,
): Row[] {
  const byClub: number[][] = Array.from({ length: nClubs }, () => []);
  for (const j of cols) byClub[clubOf(j)].push(j);
  const rows: Row[] = [];
  byClub.forEach((list, c) => {
    if (list.length > seats[c]) rows.push({ cols: list, coef: ones(list.length), upper: seats[c] });
  });
  return rows;
}
