// What a venue is for. A club needs a kind of room (a choir the music room, football
// a field); the timetable proposer matches clubs to venues by it. The list is short
// on purpose: kinds a school already uses when it books rooms.
export const VENUE_KINDS = [
  "classroom",
  "field",
  "sportsHall",
  "music",
  "dance",
  "art",
  "science",
  "computer",
  "library",
  "hall",
  "other",
] as const;

export type VenueKind = (typeof VENUE_KINDS)[number];

export const isVenueKind = (value: unknown): value is VenueKind =>
  typeof value === "string" && (VENUE_KINDS as readonly string[]).includes(value);
