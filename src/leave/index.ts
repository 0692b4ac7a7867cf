// Leave requests (请假): a family asks leave for a child, the class teacher
// confirms or queries it, the registers open with the child excused. What the
// app and other capabilities use: the router, the entities, and the questions
// the registers, the class's day, the family timetable and the export ask.
export { leaveRoutes } from "./routes";
export { LeaveRequest, leaveEntities } from "./entities";
export { leaveOn, leaveOfChildOn, leaveRequestsOfChild } from "./queries";
export { leaveForSession, type LeaveMark, type LeaveKind } from "./core";
