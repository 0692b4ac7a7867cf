// The allocation engine (pure: no I/O, no framework; HiGHS is a pure solver
// loaded as WebAssembly). This file is its public surface; everything else in
// the folder is an implementation detail. Input and output formats:
// docs/allocation.md.
//
// THE MODEL
// Data: clubs c (capacity, grades, slots), children u (grade, slots,
// maxClubs, ranked choices, sibling group, pins). model.ts compiles them into
// indices and typed arrays.
// Variables: an *option* o is a (child, club) pair the engine may give;
// taken[o] ∈ {0,1} says it is given (in the integer program: column x[o], and
// y[u] ∈ [0,1] for "child u is placed", children without pins only). Pins are
// not variables: they are always held.
// Constraints (each named once in constraints.ts, consulted by name by the
// model, the flow and the integer program):
//   grade eligibility, whole club (the child is there in every slot the club
//   meets) and pins decide which pairs are options at all; then
//   one seat per club, clubs per child (maxClubs net of pins),
//   one club per slot (no two held clubs share a slot), capacity (seats net
//   of pins). minSize is reported, never enforced.
// Objective (mechanism `optimal`), lexicographic, compared as a tuple
// (objective.ts): (1) most children with at least one club, (2) then most
// placements, (3) then least sum of ranks (rank = 1-based position in the
// list as submitted; a pin adds its rank only when listed).
// Solving (optimal.ts): a min-cost flow source → child → [clash group] →
// club → sink with rank costs (flow-model.ts; contracted onto clubs when every
// child may take one club more, club-flow.ts) is exact when each child's
// clashes form cliques (always with single-slot clubs); otherwise it is a
// relaxation whose optimum bounds every assignment: a clash-free optimum is
// taken, else a repaired incumbent that meets the bound, else the integer
// program (milp-program.ts, milp.ts) decides, warm-started from it.
// Tie-break (tie-break.ts): children are ordered by the seeded lottery
// (lottery-order.ts: a hash of seed and child id only; siblings draw
// together); among optimal assignments, earlier draws take better clubs, then
// siblings join each other, by zero-cost moves and exchanges only, so the
// tie-break never costs a placement or a rank. Same input and seed, same
// bytes.
// Mechanism `lottery` (serial.ts): in draw order, each child takes their best
// remaining option, round by round up to maxClubs. `firstComeFirstServed` is
// only the contrast shown to the admin.

export { allocate, firstComeFirstServed } from "./allocate";
export { checkResult } from "./check-result";
export { explainPlacement } from "./explain";
export type { Explanation, Reason, ReasonCode } from "./explain";
export { InstanceError } from "./instance-error";
export { lotteryDraw } from "./lottery-order";
export { parseInstance } from "./parse";
export type {
  AllocateOptions,
  AllocationRun,
  Club,
  Diagnostics,
  Instance,
  Mechanism,
  Metrics,
  Result,
  ResultMechanism,
  SolverPath,
  Student,
} from "./types";
export { explanationView, type ExplanationLine, type ExplanationView, type SlotParts } from "./explain-text";
export { pseudonymiseRunTexts, type RunTexts } from "./run-pseudonym";
// The field readers behind parseInstance, so other instance formats built on
// this one (the timetable proposer's) validate and word errors the same way.
export {
  describe as describeJson,
  readArray,
  readId,
  readInteger,
  readIntegerList,
  readObject,
  readOptionalInteger,
  readStringList,
  type Json,
} from "./parse-fields";
export { notPlacedWhy, type NotPlacedWhy } from "./not-placed";
export { placeDiff, type PlaceDiff } from "./place-diff";
