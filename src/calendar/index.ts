// The calendar core: pure functions from plain data to iCalendar text.
export { buildCalendar, makeUpUid, seriesUid } from "./build-calendar";
export { feedVersion, FEED_FORMAT_VERSION } from "./feed-version";
export { CalendarInputError, DEFAULT_PROD_ID, DEFAULT_REFRESH_MINUTES, DEFAULT_TIMEZONE, normalizeFeed } from "./normalize-feed";
export { expectedOccurrences, timetableWeekdayOn } from "./term-plan";
export type * from "./types";
