// Venues: save and delete, audit-logged in the same transaction.
import type { DataSource } from "typeorm";
import { type Venue, inTransaction } from "../db";
import { Actor, recordAudit } from "../audit";
import { fieldError, FormError } from "../http";
import type { VenueData } from "./structure-forms";
import { deleteVenueRow, saveVenueRow, venueNameTaken, venueUses } from "./store/venues";

export async function saveVenue(ds: DataSource, id: number | null, data: VenueData, actor: Actor): Promise<void> {
  await inTransaction(ds, async (em) => {
    if (await venueNameTaken(em, data.name, id)) throw fieldError("name", "validation.duplicate");
    const saved = { id: await saveVenueRow(em, id, data) };
    await recordAudit(em, actor, {
      action: id === null ? "venue.create" : "venue.update",
      entity: "venue",
      entityId: saved.id,
      details: { ...data },
    });
  });
}

// A venue the timetable or a club still uses cannot be deleted: sessions would lose their room.
export async function deleteVenue(ds: DataSource, venue: Venue, actor: Actor): Promise<void> {
  await inTransaction(ds, async (em) => {
    const uses = await venueUses(em, venue.id);
    if (uses) throw new FormError({ _form: { key: "school.venue.inUse", params: { name: venue.name, count: uses } } });
    await deleteVenueRow(em, venue.id);
    await recordAudit(em, actor, {
      action: "venue.delete",
      entity: "venue",
      entityId: venue.id,
      details: { ...venue },
    });
  });
}
