// What capabilities may use of the database layer: the shared entities and
// their column helpers, the one write-transaction queue, and a few shared
// reads. db/ imports no capability; the app hands it the entity list.
export * from "./entities";
export * from "./entities/columns";
export * from "./entities/staff";
export * from "./entities/family";
export * from "./entities/student";
export * from "./entities/term";
export * from "./entities/club";
export * from "./entities/timetable";
export * from "./entities/structure";
export * from "./entities/school-class";
export * from "./entities/setting";
export * from "./entities/audit-entry";
export * from "./entities/http-session";
export * from "./entities/login-throttle";
export * from "./transaction";
export * from "./current-term";
export * from "./kept-reads";
export * from "./term-periods";
export * from "./change-stamp";
export * from "./table-versions";
export { dbKind, sqlitePath, type DbKind } from "./data-source";
export { ping } from "./ping";
