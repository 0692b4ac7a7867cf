// The notification table: write a notification inside the caller's transaction
// (so it appears exactly when the change it announces commits); read and mark
// a family's inbox.
import { type DataSource, type EntityManager, IsNull } from "typeorm";
import { nowIso } from "../db";
import { Notification } from "./entities";

export type NotificationPayload = Record<string, string | number | null>;

export async function notify(
  em: EntityManager,
  familyId: number,
  kind: string,
  payload: NotificationPayload,
  at = nowIso(),
): Promise<void> {
  await em.getRepository(Notification).insert({ familyId, kind, payload, createdAt: at, readAt: null });
}

/** Many families at once (e.g. a publication), in chunks the drivers accept. */
export async function notifyMany(
  em: EntityManager,
  rows: { familyId: number; kind: string; payload: NotificationPayload }[],
  at = nowIso(),
): Promise<void> {
  for (let i = 0; i < rows.length; i += 200) {
    await em
      .getRepository(Notification)
      .insert(rows.slice(i, i + 200).map((r) => ({ ...r, createdAt: at, readAt: null })));
  }
}

export function unreadCount(ds: DataSource, familyId: number): Promise<number> {
  return ds.getRepository(Notification).countBy({ familyId, readAt: IsNull() });
}

export function inbox(ds: DataSource, familyId: number, skip: number, take: number): Promise<[Notification[], number]> {
  return ds
    .getRepository(Notification)
    .findAndCount({ where: { familyId }, order: { createdAt: "DESC", id: "DESC" }, skip, take });
}

/** Marks every unread notification of the family read; returns how many. */
export async function markRead(em: EntityManager, familyId: number): Promise<number> {
  const result = await em.getRepository(Notification).update({ familyId, readAt: IsNull() }, { readAt: nowIso() });
  return result.affected ?? 0;
}
