// The calendar core: pure functions from plain data to iCalendar text.
export { buildCalendar, dayUid, makeUpUid, seriesUid, type EventStamp } from "./build-calendar";
export { eventDigests } from "./event-digests";
export { feedVersion, FEED_FORMAT_VERSION } from "./feed-version";
export {
  CalendarInputError,
  DEFAULT_PROD_ID,
  DEFAULT_REFRESH_MINUTES,
  DEFAULT_TIMEZONE,
  normalizeFeed,
} from "./normalize-feed";
export { expectedOccurrences, timetableWeekdayOn } from "./term-plan";
export type * from "./types";
