// Calendar feeds (README.md here): the ICS file calendar clients poll, the
// feed pages, `kehou ical`. What the app and other capabilities use of them:
// the routers, the UID domain, the feed tokens' entity (a child's data export
// and erasure list a child's feed tokens). The pure calendar is feeds/core.
export { feedRoutes, feedFileRoutes } from "./routes";
export { uidDomainFrom } from "./uid-domain";
export { FEED_KINDS, FeedToken, FeedEventStamp, feedEntities, type FeedKind } from "./entities";
