// Club choices: what other capabilities may use. Rounds (the window in which
// families rank clubs), preferences (one child's ranked list), the offer a
// round shows, the answers handed to the allocation, and the family home card.
export { ChoiceRound, Preference, choiceEntities, MECHANISMS, type Mechanism } from "./entities";
export * from "./core";
export { choiceRoutes } from "./routes";
export type { RoundSeatsOf } from "./round-routes";
export { closeRound, closeRoundIn, createRound, updateRound } from "./round-service";
export { sweepRoundNotices } from "./round-notice-service";
export { loadClubOffer } from "./store/club-offer";
export {
  loadRoundChoices,
  type RoundChoiceClub,
  type RoundChoiceStudent,
  type RoundChoices,
} from "./store/round-choices";
export { lastRoundChoices } from "./store/last-round";
export {
  currentTerm,
  familyChild,
  familyChildren,
  findChild,
  roundForChild,
  roundsForGrade,
  type Child,
} from "./store/round-lookup";
export { familyRoundCard, type FamilyRoundCard, type RoundPublishedOf } from "./family-card";
export { openRoundsProgress, type OpenRoundProgress } from "./open-rounds";
