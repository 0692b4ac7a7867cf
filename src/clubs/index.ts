// Clubs of the term: what other capabilities may use. The router, and the
// capacity guard's reads (each club's peak of members, the over-full flag).
export { clubRoutes } from "./routes";
export { BelowMembers, capacityDates, clubPeaks, overFullClubs, refuseBelowMembers } from "./capacity";
export type { OfferFreedSeats } from "./service";
export * from "./core";
export { clubSizeWarnings, type ClubSize } from "./size-warnings";
