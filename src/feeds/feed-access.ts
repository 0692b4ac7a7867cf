// Who may open which feed's page (and so learn or regenerate its URL). A family
// sees only its own children's feeds, a teacher only their own, an admin all.
// Anything else is "not found", so a probe learns nothing about who exists.
import type { DataSource } from "typeorm";
import { currentTerm } from "../db";
import { isId, type SessionUser } from "../http";
import type { Subject } from "./context-store";
import { FEED_KINDS, FeedKind } from "./entities";
import { activeStaffById, clubOfTerm, currentChild, schoolName, venueById } from "./store";

export interface FeedTarget {
  subject: Subject;
  label: string;
}

const isAdmin = (user: SessionUser) => user.kind === "staff" && user.role === "admin";

export { currentTerm, schoolName };

// A staff member's own feed; an admin may open anyone's.
async function staffTarget(ds: DataSource, user: SessionUser, id: number): Promise<FeedTarget | null> {
  if (!isAdmin(user) && !(user.kind === "staff" && user.id === id)) return null;
  const staff = await activeStaffById(ds, id);
  return staff && { subject: { kind: "staff", id }, label: staff.name };
}

// A child's feed belongs to the child's family.
async function studentTarget(ds: DataSource, user: SessionUser, id: number): Promise<FeedTarget | null> {
  if (!isAdmin(user) && user.kind !== "family") return null;
  const child = await currentChild(ds, id, isAdmin(user) ? null : user.id);
  return child && { subject: { kind: "student", id }, label: child.name };
}

// Club, venue and school feeds are the school's: admins hand them out.
async function schoolWideTarget(
  ds: DataSource,
  user: SessionUser,
  kind: FeedKind,
  id: number,
): Promise<FeedTarget | null> {
  if (!isAdmin(user)) return null;
  if (kind === "club") {
    const term = await currentTerm(ds);
    const club = term && (await clubOfTerm(ds, term.id, id));
    return club && { subject: { kind, id }, label: club.name };
  }
  if (kind === "venue") {
    const venue = await venueById(ds, id);
    return venue && { subject: { kind, id }, label: venue.name };
  }
  return id === 0 ? { subject: { kind: "school", id: 0 }, label: await schoolName(ds) } : null;
}

/** The feed `/feeds/<kind>/<id>` names, if `user` may see it. */
export async function feedTargetFor(
  ds: DataSource,
  user: SessionUser,
  kind: string,
  idText: string,
): Promise<FeedTarget | null> {
  if (!(FEED_KINDS as readonly string[]).includes(kind) || !isId(idText)) return null;
  const id = Number(idText);
  if (kind === "staff") return staffTarget(ds, user, id);
  if (kind === "student") return studentTarget(ds, user, id);
  return schoolWideTarget(ds, user, kind as FeedKind, id);
}
