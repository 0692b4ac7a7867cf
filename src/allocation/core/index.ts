// The allocation engine's public surface (pure: no I/O, no framework).
// Everything else in this folder is an implementation detail.

export { allocate, firstComeFirstServed } from "./allocate";
export { checkResult } from "./check-result";
export { explainPlacement } from "./explain";
export type { Explanation, Reason, ReasonCode } from "./explain";
export { InstanceError } from "./instance-error";
export { lotteryDraw } from "./lottery-order";
export { parseInstance } from "./parse";
export type {
  AllocateOptions, AllocationRun, Club, Diagnostics, Instance, Mechanism, Metrics, Result, ResultMechanism, SolverPath, Student,
} from "./types";
export { explanationView, type ExplanationLine, type ExplanationView, type SlotParts } from "./explain-text";
export { pseudonymiseRunTexts, type RunTexts } from "./run-pseudonym";
