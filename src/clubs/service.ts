// Clubs of the current term: create, edit, cancel and restore. Each change is
// audit-logged in its transaction. A bigger maxSize must still fit the venue
// of every session the club has on the timetable (the timetable's
// venueClashesOfClub), or the edit is refused with the explanation; a smaller
// one must still seat the club's members (./capacity.ts); a bigger one offers
// its new seats to the waitlist.
import type { DataSource, EntityManager } from "typeorm";
import { type Club, currentTerm, inTransaction } from "../db";
import { Actor, recordAudit } from "../audit";
import { HttpError, fieldError } from "../http";
import { type ClashExplanation, venueClashesOfClub } from "../timetable";
import type { ClubFormData } from "./club-form";
import { refuseBelowMembers } from "./capacity";
import { codeFromName } from "./core";
import { clubOfTerm, clubsOfTerm, clubWithCode, insertClub, saveClub, staffById, staffByIds, venueById } from "./store";

/** Offers a club's freed seats to its waitlist, in the caller's transaction (the allocation's; the app hands it in). */
export type OfferFreedSeats = (em: EntityManager, clubIds: number[], now: Date) => Promise<unknown>;

export class ClubTooBig extends Error {
  constructor(readonly clashes: ClashExplanation[]) {
    super("club larger than venue");
  }
}

/** A saved club, and whether its leader was added to its eligible staff (the page says so). */
export interface SavedClub {
  club: Club;
  leaderAdded: boolean;
}

export async function createClub(ds: DataSource, input: ClubFormData, actor: Actor): Promise<SavedClub> {
  return inTransaction(ds, async (em) => {
    const term = await currentTerm(em);
    if (!term) throw new HttpError(409, "timetable.noTerm");
    const code = input.code ?? (await freeCode(em, term.id, input.name, null));
    await checkReferences(em, term.id, { ...input, code }, null);
    const { values, leaderAdded } = planningOf(input, null);
    const club = await insertClub(em, { ...input, ...values, code, termId: term.id, cancelled: false });
    await recordAudit(em, actor, {
      action: "club.create",
      entity: "club",
      entityId: club.id,
      details: { code: club.code, name: club.name, ...values },
    });
    return { club, leaderAdded };
  });
}

export async function updateClub(
  ds: DataSource,
  id: number,
  input: ClubFormData,
  actor: Actor,
  offerFreedSeats: OfferFreedSeats,
): Promise<SavedClub> {
  return inTransaction(ds, async (em) => {
    const club = await clubOfCurrentTerm(em, id);
    const code = input.code ?? (await freeCode(em, club.termId, input.name, club.id));
    await checkReferences(em, club.termId, { ...input, code }, club);
    // Fewer seats than the ledger's members on some remaining date: refused (BelowMembers).
    await refuseBelowMembers(em, (await currentTerm(em))!, club, input.maxSize);
    const before = fieldsOf(club);
    const { values, leaderAdded } = planningOf(input, club);
    Object.assign(club, input, values, { code });
    // Only a bigger club can newly overflow a room; other edits pass as before.
    if (club.maxSize > before.maxSize) await refuseIfTooBig(em, club);
    const saved = await saveClub(em, club);
    await recordAudit(em, actor, {
      action: "club.update",
      entity: "club",
      entityId: id,
      details: { before, after: { ...input, ...values, code } },
    });
    // A raised capacity is a freed seat: the waitlist is offered it in this same change.
    if (club.maxSize > before.maxSize) await offerFreedSeats(em, [id], new Date());
    return { club: saved, leaderAdded };
  });
}

// Cancelling keeps the club and its timetable sessions, so restoring is lossless.
export async function setClubCancelled(
  ds: DataSource,
  id: number,
  cancelled: boolean,
  reason: string | null,
  actor: Actor,
): Promise<Club> {
  return inTransaction(ds, async (em) => {
    const club = await clubOfCurrentTerm(em, id);
    club.cancelled = cancelled;
    await saveClub(em, club);
    await recordAudit(em, actor, {
      action: cancelled ? "club.cancel" : "club.restore",
      entity: "club",
      entityId: id,
      details: { name: club.name },
      reason,
    });
    return club;
  });
}

export async function clubOfCurrentTerm(em: EntityManager, id: number): Promise<Club> {
  const term = await currentTerm(em);
  const club = term ? await clubOfTerm(em, id, term.id) : null;
  if (!club) throw new HttpError(404, "errors.notFound");
  return club;
}

const fieldsOf = (c: Club) => ({
  code: c.code,
  name: c.name,
  category: c.category,
  description: c.description,
  grades: c.grades,
  minSize: c.minSize,
  maxSize: c.maxSize,
  staffId: c.staffId,
  venueId: c.venueId,
  eligibleStaffIds: c.eligibleStaffIds,
  sessionsPerWeek: c.sessionsPerWeek,
  venueKind: c.venueKind,
});

// The leader is always one of the eligible staff: picked but not ticked, they are
// added (and the page says so). An absent sessions count keeps the stored one.
function planningOf(input: ClubFormData, club: Club | null) {
  const eligible = input.eligibleStaffIds;
  const leaderAdded = input.staffId !== null && !eligible.includes(input.staffId);
  return {
    leaderAdded,
    values: {
      eligibleStaffIds: leaderAdded ? [...eligible, input.staffId!].sort((a, b) => a - b) : eligible,
      sessionsPerWeek: input.sessionsPerWeek ?? club?.sessionsPerWeek ?? 1,
      venueKind: input.venueKind,
    },
  };
}

// A blank code is made from the name, unique among the term's other clubs (inside the
// write transaction, so two admins saving at once cannot both take it).
async function freeCode(em: EntityManager, termId: number, name: string, selfId: number | null): Promise<string> {
  const taken = new Set((await clubsOfTerm(em, termId)).filter((c) => c.id !== selfId).map((c) => c.code));
  return codeFromName(name, taken);
}

// A duplicate code, or a staff member or venue that is missing or unusable (or a
// venue not of the kind the club needs), fails the form (400).
async function checkReferences(
  em: EntityManager,
  termId: number,
  input: ClubFormData & { code: string },
  before: Club | null,
): Promise<void> {
  const codeOwner = await clubWithCode(em, termId, input.code);
  if (codeOwner && codeOwner.id !== before?.id) throw fieldError("code", "validation.duplicate");
  if (input.staffId !== null) {
    const staff = await staffById(em, input.staffId);
    // A disabled account keeps the club it has but gets no new one.
    if (!staff || (!staff.active && before?.staffId !== staff.id)) throw fieldError("staffId", "clubs.errors.staff");
  }
  // Ticked staff must exist and be active, except those already on this club's list.
  const ticked = await staffByIds(em, input.eligibleStaffIds);
  const kept = new Set(before?.eligibleStaffIds ?? []);
  const usable = new Set(ticked.filter((s) => s.active || kept.has(s.id)).map((s) => s.id));
  if (input.eligibleStaffIds.some((id) => !usable.has(id)))
    throw fieldError("eligibleStaffIds", "clubs.errors.eligibleStaff");
  if (input.venueId !== null) {
    const venue = await venueById(em, input.venueId);
    if (!venue) throw fieldError("venueId", "clubs.errors.venue");
    // The venue the club uses must be of the kind it needs.
    if (input.venueKind !== null && venue.kind !== input.venueKind)
      throw fieldError("venueId", "clubs.errors.venueOfKind", { kind: input.venueKind, venue: venue.name });
  }
}

async function refuseIfTooBig(em: EntityManager, club: Club): Promise<void> {
  const clashes = await venueClashesOfClub(em, (await currentTerm(em))!, club);
  if (clashes.length) throw new ClubTooBig(clashes);
}
