// The timetable proposer (pure: no I/O, no framework; the allocation engine is
// its judge). This file is its public surface. Formats, objective, method and
// limits: docs/proposer.md.

export { propose, DEFAULT_BUDGET } from "./propose";
export { parseProposalInstance } from "./parse";
export { violations } from "./check";
export { baselineLayouts, type Baseline } from "./baselines";
export { bindings, bindingKey, BINDINGS_SHOWN, type Binding, type BindingKind } from "./bindings";
export type {
  Entry,
  FixedSession,
  ProposalClub,
  ProposalInstance,
  ProposalMetrics,
  ProposalResult,
  ProposalRun,
  ProposeOptions,
  Progress,
  Score,
  Slot,
  StaffMember,
  UnplacedClub,
  UnplacedReason,
  Venue,
} from "./types";
