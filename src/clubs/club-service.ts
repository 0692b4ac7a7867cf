// Clubs of the current term: create, edit, cancel and restore. Each change is
// audit-logged in its transaction. A bigger maxSize must still fit the venue
// of every session the club has on the timetable (the clash core's
// club-larger-than-venue check), or the edit is refused with the explanation;
// a smaller one must still seat the club's members (./capacity.ts); a bigger
// one offers its new seats to the waitlist.
import type { DataSource, EntityManager } from "typeorm";
import { Club, Staff, Venue, inTransaction } from "../db";
import { Actor, recordAudit } from "../audit/audit-service";
import { HttpError } from "../http/errors";
import { clubLargerThanVenue } from "../timetable/clashes";
import { ClashExplanation, explainClashes } from "../timetable/clash-messages";
import { FieldError } from "../timetable/form-errors";
import { clashContextOf, placementsOf } from "../timetable/placements";
import { currentTerm, loadWeek, namesOf } from "../timetable/week";
import type { ClubFormData } from "./club-form";
import { refuseBelowMembers } from "./capacity";
import { offerFreedSeats } from "../allocation/seats-freed";

export class ClubTooBig extends Error {
  constructor(readonly clashes: ClashExplanation[]) { super("club larger than venue"); }
}

export async function createClub(ds: DataSource, input: ClubFormData, actor: Actor): Promise<Club> {
  return inTransaction(ds, async (em) => {
    const term = await currentTerm(em);
    if (!term) throw new HttpError(409, "timetable.noTerm");
    await checkReferences(em, term.id, input, null);
    const club = await em.getRepository(Club).save(em.getRepository(Club).create({ ...input, termId: term.id, cancelled: false }));
    await recordAudit(em, actor, { action: "club.create", entity: "club", entityId: club.id, details: { code: club.code, name: club.name } });
    return club;
  });
}

export async function updateClub(ds: DataSource, id: number, input: ClubFormData, actor: Actor): Promise<Club> {
  return inTransaction(ds, async (em) => {
    const club = await clubOfCurrentTerm(em, id);
    await checkReferences(em, club.termId, input, club);
    // Fewer seats than the ledger's members on some remaining date: refused (BelowMembers).
    await refuseBelowMembers(em, (await currentTerm(em))!, club, input.maxSize);
    const before = fieldsOf(club);
    Object.assign(club, input);
    // Only a bigger club can newly overflow a room; other edits pass as before.
    if (club.maxSize > before.maxSize) await refuseIfTooBig(em, club);
    const saved = await em.getRepository(Club).save(club);
    await recordAudit(em, actor, { action: "club.update", entity: "club", entityId: id, details: { before, after: input } });
    // A raised capacity is a freed seat: the waitlist is offered it in this same change.
    if (club.maxSize > before.maxSize) await offerFreedSeats(em, [id], new Date());
    return saved;
  });
}

// Cancelling keeps the club and its timetable sessions, so restoring is lossless.
export async function setClubCancelled(ds: DataSource, id: number, cancelled: boolean, reason: string | null, actor: Actor): Promise<Club> {
  return inTransaction(ds, async (em) => {
    const club = await clubOfCurrentTerm(em, id);
    club.cancelled = cancelled;
    await em.getRepository(Club).save(club);
    await recordAudit(em, actor, { action: cancelled ? "club.cancel" : "club.restore", entity: "club", entityId: id, details: { name: club.name }, reason });
    return club;
  });
}

export async function clubOfCurrentTerm(em: EntityManager, id: number): Promise<Club> {
  const term = await currentTerm(em);
  const club = term ? await em.getRepository(Club).findOneBy({ id, termId: term.id }) : null;
  if (!club) throw new HttpError(404, "errors.notFound");
  return club;
}

const fieldsOf = (c: Club) => ({
  code: c.code, name: c.name, category: c.category, description: c.description, grades: c.grades,
  minSize: c.minSize, maxSize: c.maxSize, staffId: c.staffId, venueId: c.venueId,
});

async function checkReferences(em: EntityManager, termId: number, input: ClubFormData, before: Club | null): Promise<void> {
  const codeOwner = await em.getRepository(Club).findOneBy({ termId, code: input.code });
  if (codeOwner && codeOwner.id !== before?.id) throw new FieldError("code", "validation.duplicate");
  if (input.staffId !== null) {
    const staff = await em.getRepository(Staff).findOneBy({ id: input.staffId });
    // A disabled account keeps the club it has but gets no new one.
    if (!staff || (!staff.active && before?.staffId !== staff.id)) throw new FieldError("staffId", "clubs.errors.staff");
  }
  if (input.venueId !== null && !(await em.getRepository(Venue).existsBy({ id: input.venueId }))) throw new FieldError("venueId", "clubs.errors.venue");
}

async function refuseIfTooBig(em: EntityManager, club: Club): Promise<void> {
  const term = await currentTerm(em);
  const week = await loadWeek(em, term!);
  week.clubs = week.clubs.map((c) => (c.id === club.id ? club : c));
  const mine = placementsOf(week).filter((p) => p.clubId === String(club.id));
  const clashes = clubLargerThanVenue(mine, clashContextOf(week));
  if (clashes.length) throw new ClubTooBig(explainClashes(clashes, namesOf(week), week.entries, ""));
}
