// parseProposalInstance: the one gate between untrusted JSON and the
// proposer, built on the allocation engine's field readers so both commands
// word their errors alike (`clubs[2].staff[0]: unknown staff "T9"`). Fixed
// sessions are checked here: like pins, fixed sessions that cannot all hold
// (a staff member away that slot, two in one venue) are bad input, not an
// outcome. Defaults: seed 0, minSize 0, sessions 1, fixed [], current [],
// maxClubs 1, grades = all.

import {
  describeJson,
  InstanceError,
  readArray,
  readId,
  readInteger,
  readIntegerList,
  readObject,
  readOptionalInteger,
  readStringList,
  type Json,
  type Student,
} from "../../allocation/core";
import { checkFixed } from "./parse-fixed";
import type { Entry, FixedSession, ProposalClub, ProposalInstance, Slot, StaffMember, Venue } from "./types";

export function parseProposalInstance(json: unknown): ProposalInstance {
  const root = readObject(json, "");
  const seed = readOptionalInteger(root.seed, "", "seed", 0, 0);
  const slots = readArray(root.slots, "", "slots").map((s, i) => parseSlot(s, `slots[${i}]`));
  const slotIds = uniqueIds(slots, "slots");
  const venues = readArray(root.venues, "", "venues").map((v, i) => parseVenue(v, `venues[${i}]`, slotIds));
  const venueIds = uniqueIds(venues, "venues");
  const staff = readArray(root.staff, "", "staff").map((s, i) => parseStaff(s, `staff[${i}]`, slotIds));
  const staffIds = uniqueIds(staff, "staff");
  const known = { slotIds, venueIds, staffIds };
  const clubs = readArray(root.clubs, "", "clubs").map((c, i) => parseClub(c, `clubs[${i}]`, known));
  const clubIds = uniqueIds(clubs, "clubs");
  const students = readArray(root.students, "", "students").map((s, i) =>
    parseStudent(s, `students[${i}]`, slotIds, clubIds),
  );
  uniqueIds(students, "students");
  const current =
    root.current === undefined || root.current === null
      ? []
      : readArray(root.current, "", "current").map((e, i) => parseEntry(e, `current[${i}]`, { ...known, clubIds }));
  const instance: ProposalInstance = { seed, slots, venues, staff, clubs, students, current };
  checkFixed(instance);
  return instance;
}

interface Known {
  slotIds: Set<string>;
  venueIds: Set<string>;
  staffIds: Set<string>;
}

function parseSlot(value: Json, field: string): Slot {
  const o = readObject(value, field);
  const slot = { id: readId(o.id, field, "id"), weekday: readInteger(o.weekday, field, "weekday", 1) };
  if (slot.weekday > 7) throw new InstanceError(`${field}.weekday`, `must be 1 (Monday) to 7, got ${slot.weekday}`);
  return slot;
}

function parseVenue(value: Json, field: string, slotIds: Set<string>): Venue {
  const o = readObject(value, field);
  const venue: Venue = {
    id: readId(o.id, field, "id"),
    kind: readId(o.kind, field, "kind"),
    capacity: readInteger(o.capacity, field, "capacity", 0),
  };
  if (o.busy !== undefined && o.busy !== null) {
    venue.busy = readStringList(o.busy, field, "busy", "slot");
    checkKnown(venue.busy, slotIds, `${field}.busy`, "slot");
  }
  return venue;
}

function parseStaff(value: Json, field: string, slotIds: Set<string>): StaffMember {
  const o = readObject(value, field);
  const member = { id: readId(o.id, field, "id"), slots: readStringList(o.slots, field, "slots", "slot") };
  checkKnown(member.slots, slotIds, `${field}.slots`, "slot");
  return member;
}

function parseClub(value: Json, field: string, known: Known): ProposalClub {
  const o = readObject(value, field);
  const club: ProposalClub = {
    id: readId(o.id, field, "id"),
    capacity: readInteger(o.capacity, field, "capacity", 0),
    minSize: readOptionalInteger(o.minSize, field, "minSize", 0, 0),
    sessions: readOptionalInteger(o.sessions, field, "sessions", 1, 1),
    // Absent or null: the club may use any venue that holds it.
    venueKind: o.venueKind === undefined || o.venueKind === null ? null : readId(o.venueKind, field, "venueKind"),
    staff: readStringList(o.staff, field, "staff", "staff member"),
    fixed: [],
  };
  if (o.grades !== undefined && o.grades !== null) {
    club.grades = readIntegerList(o.grades, field, "grades");
    if (club.grades.length === 0)
      throw new InstanceError(`${field}.grades`, "must list at least one grade (omit it for all grades)");
  }
  checkKnown(club.staff, known.staffIds, `${field}.staff`, "staff member");
  if (o.slots !== undefined && o.slots !== null) {
    club.slots = readStringList(o.slots, field, "slots", "slot");
    checkKnown(club.slots, known.slotIds, `${field}.slots`, "slot");
  }
  if (o.fixed !== undefined && o.fixed !== null) {
    club.fixed = readArray(o.fixed, field, "fixed").map((f, i) => parseFixed(f, `${field}.fixed[${i}]`, known));
  }
  if (club.fixed.length > club.sessions) {
    throw new InstanceError(`${field}.fixed`, `${club.fixed.length} fixed sessions exceed sessions ${club.sessions}`);
  }
  return club;
}

/** A fixed session is a slot id, or `{ slot, venue?, staff? }`. */
function parseFixed(value: Json, field: string, known: Known): FixedSession {
  if (typeof value === "string") {
    checkKnown([value], known.slotIds, field, "slot", false);
    return { slot: value };
  }
  const o = readObject(value, field);
  const fixed: FixedSession = { slot: readId(o.slot, field, "slot") };
  checkKnown([fixed.slot], known.slotIds, `${field}.slot`, "slot", false);
  if (o.venue !== undefined && o.venue !== null) {
    fixed.venue = readId(o.venue, field, "venue");
    checkKnown([fixed.venue], known.venueIds, `${field}.venue`, "venue", false);
  }
  if (o.staff !== undefined && o.staff !== null) {
    fixed.staff = readId(o.staff, field, "staff");
    checkKnown([fixed.staff], known.staffIds, `${field}.staff`, "staff member", false);
  }
  return fixed;
}

function parseStudent(value: Json, field: string, slotIds: Set<string>, clubIds: Set<string>): Student {
  const o = readObject(value, field);
  const student: Student = {
    id: readId(o.id, field, "id"),
    grade: readInteger(o.grade, field, "grade", Number.MIN_SAFE_INTEGER),
    slots: readStringList(o.slots, field, "slots", "slot"),
    maxClubs: readOptionalInteger(o.maxClubs, field, "maxClubs", 0, 1),
    choices: readStringList(o.choices, field, "choices", "choice"),
    pinned: [],
  };
  if (o.group !== undefined && o.group !== null) {
    if (typeof o.group !== "string")
      throw new InstanceError(`${field}.group`, `expected a string, got ${describeJson(o.group)}`);
    student.group = o.group;
  }
  checkKnown(student.slots, slotIds, `${field}.slots`, "slot");
  checkKnown(student.choices, clubIds, `${field}.choices`, "club");
  return student;
}

function parseEntry(value: Json, field: string, known: Known & { clubIds: Set<string> }): Entry {
  const o = readObject(value, field);
  const entry: Entry = {
    club: readId(o.club, field, "club"),
    slot: readId(o.slot, field, "slot"),
    venue: readId(o.venue, field, "venue"),
    staff: readId(o.staff, field, "staff"),
  };
  checkKnown([entry.club], known.clubIds, `${field}.club`, "club", false);
  checkKnown([entry.slot], known.slotIds, `${field}.slot`, "slot", false);
  checkKnown([entry.venue], known.venueIds, `${field}.venue`, "venue", false);
  checkKnown([entry.staff], known.staffIds, `${field}.staff`, "staff member", false);
  return entry;
}

function uniqueIds(items: { id: string }[], key: string): Set<string> {
  const seen = new Set<string>();
  items.forEach((item, i) => {
    if (seen.has(item.id)) throw new InstanceError(`${key}[${i}].id`, `duplicate id ${JSON.stringify(item.id)}`);
    seen.add(item.id);
  });
  return seen;
}

/** `indexed`: the field is a list and the offending position is appended to it. */
function checkKnown(ids: string[], known: Set<string>, field: string, what: string, indexed = true): void {
  ids.forEach((id, i) => {
    if (!known.has(id))
      throw new InstanceError(indexed ? `${field}[${i}]` : field, `unknown ${what} ${JSON.stringify(id)}`);
  });
}
