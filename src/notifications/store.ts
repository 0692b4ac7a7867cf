// The in-app inbox: write notification rows inside the caller's transaction
// (so they appear exactly when the change they announce commits); read and
// mark one inbox, a family's or a staff member's.
import { type DataSource, type EntityManager, IsNull } from "typeorm";
import { Notification } from "./entities";
import type { NotificationPayload } from "./core";

export type { NotificationPayload } from "./core";

/** Whose inbox: a family's or a staff member's. */
export type InboxOwner = { kind: "family"; id: number } | { kind: "staff"; id: number };

export interface InboxRow {
  familyId: number | null;
  staffId: number | null;
  kind: string;
  payload: NotificationPayload;
}

const ownerWhere = (owner: InboxOwner) => (owner.kind === "family" ? { familyId: owner.id } : { staffId: owner.id });

/** Inserts inbox rows in chunks the drivers accept (a publication may write hundreds). */
export async function insertNotifications(em: EntityManager, rows: InboxRow[], at: string): Promise<void> {
  for (let i = 0; i < rows.length; i += 200) {
    await em
      .getRepository(Notification)
      .insert(rows.slice(i, i + 200).map((r) => ({ ...r, createdAt: at, readAt: null })));
  }
}

export function unreadCount(ds: DataSource, familyId: number): Promise<number> {
  return unreadIn(ds, { kind: "family", id: familyId });
}

export function unreadIn(ds: DataSource, owner: InboxOwner): Promise<number> {
  return ds.getRepository(Notification).countBy({ ...ownerWhere(owner), readAt: IsNull() });
}

export function inbox(
  ds: DataSource,
  owner: InboxOwner,
  skip: number,
  take: number,
): Promise<[Notification[], number]> {
  return ds
    .getRepository(Notification)
    .findAndCount({ where: ownerWhere(owner), order: { createdAt: "DESC", id: "DESC" }, skip, take });
}

/** Marks every unread notification of the inbox read; returns how many. */
export async function markRead(em: EntityManager, owner: InboxOwner, at: string): Promise<number> {
  const result = await em
    .getRepository(Notification)
    .update({ ...ownerWhere(owner), readAt: IsNull() }, { readAt: at });
  return result.affected ?? 0;
}
