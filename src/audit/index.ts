// The audit log: what other capabilities may use (record an entry, name the actor).
export { actorOf, recordAudit, type Actor } from "./audit-service";
