// The integer program behind milp.ts, as sparse rows over two kinds of
// columns: x[o] ∈ {0,1} for each option (child–club pair) and y[u] ∈ [0,1]
// for "child u is placed" (only for children without pins; pinned children
// are placed whatever happens). Rows, each built by its constraint in
// constraints.ts: clubs per child (clubLimitRow), placed only with a club
// (placedOnlyWithClubRow), one club per slot (oneClubPerSlotRows), capacity
// (capacityRows). Rows that can never bind are left out (a child with fewer
// options than room, a club with fewer candidates than seats); a full club
// gets no column. Columns follow the lottery order so HiGHS meets ties in
// draw order.

import type { Model } from "./model";
import {
  capacityRows,
  clubLimitRow,
  oneClubPerSlotRows,
  placedOnlyWithClubRow,
  type Row,
  seatsLeft,
} from "./constraints";
import { Objective, objectiveOf } from "./objective";

export interface Program {
  /** Option of each column, or -1 for a y column. */
  optionOf: number[];
  yCols: number[];
  /** x columns [from, to) of the child behind each y column. */
  ySpan: [number, number][];
  xCols: number[];
  /** CSR rows: row r has columns indices[starts[r] .. starts[r+1]) with `values`, and `upper` bound. */
  starts: number[];
  indices: number[];
  values: number[];
  upper: number[];
  /** The pins' share of the objective (constant). */
  base: Objective;
}

export function buildProgram(model: Model, order: Int32Array): Program {
  const { optStart, optClub, room, seats, pinStart } = model;
  const p: Program = {
    optionOf: [],
    yCols: [],
    ySpan: [],
    xCols: [],
    starts: [0],
    indices: [],
    values: [],
    upper: [],
    base: objectiveOf(model, new Uint8Array(optClub.length)),
  };
  const add = (r: Row | null) => {
    if (!r) return;
    for (let i = 0; i < r.cols.length; i++) {
      p.indices.push(r.cols[i]);
      p.values.push(r.coef[i]);
    }
    p.starts.push(p.indices.length);
    p.upper.push(r.upper);
  };
  const clubOf = (j: number) => optClub[p.optionOf[j]];
  for (const u of order) {
    if (room[u] === 0) continue;
    const mine: number[] = [];
    for (let o = optStart[u]; o < optStart[u + 1]; o++) {
      if (seatsLeft(seats[optClub[o]]) === 0) continue;
      mine.push(p.optionOf.length);
      p.xCols.push(p.optionOf.length);
      p.optionOf.push(o);
    }
    if (mine.length === 0) continue;
    add(clubLimitRow(mine, room[u]));
    if (pinStart[u + 1] === pinStart[u]) {
      const y = p.optionOf.length;
      p.optionOf.push(-1);
      p.yCols.push(y);
      p.ySpan.push([mine[0], mine[mine.length - 1] + 1]);
      add(placedOnlyWithClubRow(y, mine));
    }
    oneClubPerSlotRows(model, mine, clubOf, room[u]).forEach(add);
  }
  capacityRows(model.nClubs, seats, p.xCols, clubOf).forEach(add);
  return p;
}

/** Column values for a feasible assignment (y = 1 when the child holds a club). */
export function startValues(prog: Program, taken: Uint8Array): Float64Array {
  const x = new Float64Array(prog.optionOf.length);
  for (const j of prog.xCols) x[j] = taken[prog.optionOf[j]];
  prog.yCols.forEach((y, k) => {
    const [from, to] = prog.ySpan[k];
    for (let j = from; j < to; j++) if (x[j] > 0) x[y] = 1;
  });
  return x;
}

export function isIntegral(prog: Program, colValue: Float64Array): boolean {
  for (const j of prog.xCols) if (Math.abs(colValue[j] - Math.round(colValue[j])) > 1e-6) return false;
  return true;
}

export function toTaken(model: Model, prog: Program, colValue: Float64Array): Uint8Array {
  const taken = new Uint8Array(model.optClub.length);
  for (const j of prog.xCols) if (colValue[j] > 0.5) taken[prog.optionOf[j]] = 1;
  return taken;
}
