// The audit log: every capability records who changed what, when and why here
// (recordAudit, inside its own transaction), naming the actor with actorOf.
export { actorOf, recordAudit, SYSTEM, type Actor, type AuditEvent } from "./service";
export { auditRoutes } from "./routes";
