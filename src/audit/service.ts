// Every capability writes here: who changed what, when, and why.
import type { EntityManager } from "typeorm";
import { nowIso } from "../db";
import type { SessionUser } from "../http";
import { insertAuditEntry } from "./store";

export interface Actor {
  kind: "staff" | "family" | "system";
  id: number | null;
  label: string;
}

export const SYSTEM: Actor = { kind: "system", id: null, label: "system" };

export function actorOf(user: SessionUser | undefined): Actor {
  if (!user) return SYSTEM;
  return { kind: user.kind, id: user.id, label: user.name };
}

export interface AuditEvent {
  action: string;
  entity: string;
  entityId?: string | number | null;
  details?: Record<string, unknown>;
  reason?: string | null;
}

// Written inside the caller's transaction so the change and its record land together.
export async function recordAudit(em: EntityManager, actor: Actor, event: AuditEvent): Promise<void> {
  await insertAuditEntry(em, {
    at: nowIso(),
    actorKind: actor.kind,
    actorId: actor.id,
    actorLabel: actor.label.slice(0, 120),
    action: event.action,
    entity: event.entity,
    entityId: event.entityId == null ? null : String(event.entityId),
    details: event.details ?? null,
    reason: event.reason ?? null,
  });
}
