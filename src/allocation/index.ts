// The allocation: what other capabilities may use. The engine itself is
// ./core (pure; its model is documented in core/index.ts, its formats in
// docs/allocation.md); runs, pins, publication and waitlists live beside it.
export {
  AllocationRun,
  AllocationPublication,
  AllocationPin,
  ClubPlacement,
  WaitlistEntry,
  WaitlistOffer,
  allocationEntities,
  WAITLIST_STATUSES,
  type WaitlistStatus,
  type OfferStatus,
  type PlacementSource,
  type RunSummary,
} from "./entities";
export { allocationRoutes } from "./routes";
export { createRun, sha256 } from "./run-service";
export { publishRun } from "./publish-service";
export { familyResultCard, type FamilyResultCard } from "./family-result";
export { offerFreedSeats } from "./seats-freed";
export { childrenLeave } from "./leaving";
export { sweepExpiredOffers } from "./offer-sweep";
export { roundSeats, type RoundSeats } from "./store/round-seats";
export { clubSlots } from "./store/instance";
export { isPublished as isRoundPublished } from "./store/runs";
export { forgetStoredRun } from "./store/stored-run";
export { pseudonymiseRunTexts } from "./core";
export { roundsAwaitingPublication, type AwaitingRound } from "./awaiting";
