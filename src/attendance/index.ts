// Attendance: registers (one mark per child, session and date), absence alerts,
// dismissal lists and the class's day. What the app and other capabilities use:
// the router, the entities, the roster rule (reports), club members and the
// published rounds (reports, policy), the alerts a cancellation withdraws
// (kernel) and a home page shows, a child's data (privacy), the ?date= parser.
export { attendanceRoutes } from "./routes";
export * from "./entities";
export { expectedIn, rosterOf, enrolledOn, rosterChildren, type RosterChild, type RosterContext } from "./roster";
export { clubMembers, publishedRoundIds } from "./club-members-store";
export { withdrawAlertsOfCancelled, homeAlerts, type AlertView } from "./alerts";
// The absence loop's periodic sweeps (src/server.ts starts them).
export { escalateUnacknowledged } from "./alert-escalation";
export { sendDaySummaries } from "./day-summary-sweep";
export { attendanceOfChild } from "./store";
export { dateQuery } from "./date-params";
export * from "./core";
export { absencesOn } from "./day-figures";
