// Saving a person's notice settings: one transaction, audited with what changed.
import type { DataSource } from "typeorm";
import { inTransaction, nowIso } from "../db";
import { Actor, recordAudit } from "../audit";
import { optOutsFromForm } from "./core/preferences";
import { type Person, optOutsOf, replaceOptOuts } from "./preference-store";

export async function saveNoticeSettings(
  ds: DataSource,
  person: Person,
  form: { ticked: readonly string[]; offered: readonly string[] },
  actor: Actor,
): Promise<void> {
  await inTransaction(ds, async (em) => {
    const before = await optOutsOf(em, person);
    const optOuts = optOutsFromForm(person.kind, form.ticked, form.offered, before);
    await replaceOptOuts(em, person, optOuts, nowIso());
    const key = (o: { kind: string; channel: string }) => `${o.kind}|${o.channel}`;
    if (before.map(key).sort().join() === optOuts.map(key).sort().join()) return;
    await recordAudit(em, actor, {
      action: "notifications.settings",
      entity: person.kind,
      entityId: person.id,
      details: { before: before.map(key), after: optOuts.map(key) },
    });
  });
}
