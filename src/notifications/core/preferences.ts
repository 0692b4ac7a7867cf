// Which notice kinds a person may switch on or off, on which of their own
// channels (issue 21). Pure: the settings page draws this table and the
// recipient's channels read it. The app inbox always keeps every notice (it is
// the record a family or teacher can go back to), so only e-mail is a choice;
// the staff groups' robots are the school's, not a person's, and are not here.
import { MANDATORY_KINDS } from "./mandatory";

export type PersonKind = "family" | "staff";
export const PERSONAL_CHANNELS = ["app", "email"] as const;
export type PersonalChannel = (typeof PERSONAL_CHANNELS)[number];

// An unexcused absence reaches the family and the class teacher everywhere they
// can be reached, whatever they chose: a missing child outweighs a preference.
export const ALWAYS_SENT: readonly string[] = MANDATORY_KINDS;

// The kinds each kind of person receives, in the order the settings page lists them.
export const KINDS_FOR: Record<PersonKind, readonly string[]> = {
  family: [
    "attendance.absent",
    "leave.confirmed",
    "leave.queried",
    "interest.opened",
    "round.opened",
    "round.deadline",
    "results.published",
    "placement.changed",
    "waitlist.offer",
    "waitlist.offerExpired",
  ],
  staff: [
    "attendance.absent",
    "attendance.absent.escalated",
    "attendance.answer",
    "attendance.daySummary",
    "leave.requested",
    "pickup.unlisted",
  ],
};

export interface OptOut {
  kind: string;
  channel: string;
}

/** Whether the person may turn this kind off on this channel. */
export function choosable(kind: string, channel: string): boolean {
  return channel !== "app" && !ALWAYS_SENT.includes(kind);
}

/** Whether a channel carries a kind for someone with these opt-outs (unknown kinds default to on). */
export function wants(optOuts: readonly OptOut[], kind: string, channel: string): boolean {
  if (!choosable(kind, channel)) return true;
  return !optOuts.some((o) => o.kind === kind && o.channel === channel);
}

/**
 * The opt-outs a submitted settings form means: every choosable box of the
 * person's table that was not ticked, on the channels the form offered.
 * Choices on channels it did not offer (e-mail while the person has no
 * address) stay as they were. Ticked values are "kind|channel"; values that
 * name no box of the table are ignored (a forged form changes nothing else).
 */
export function optOutsFromForm(
  person: PersonKind,
  ticked: readonly string[],
  offered: readonly string[],
  before: readonly OptOut[],
): OptOut[] {
  const on = new Set(ticked);
  const kept = before.filter((o) => !offered.includes(o.channel) && KINDS_FOR[person].includes(o.kind));
  const out: OptOut[] = [];
  for (const kind of KINDS_FOR[person])
    for (const channel of offered)
      if (choosable(kind, channel) && !on.has(`${kind}|${channel}`)) out.push({ kind, channel });
  return [...kept, ...out];
}

// Staff notices that name a child or an absence: only the child's class teacher
// and the admins are entitled to them (the caller picks the class teacher; a
// teacher, an external instructor or a deactivated account never receives them).
export const CHILD_NAMING_STAFF_KINDS: readonly string[] = [
  "attendance.absent",
  "attendance.absent.escalated",
  "attendance.answer",
  "attendance.daySummary",
  "leave.requested",
  "pickup.unlisted",
  "pickup.unlistedUndone",
];
const ENTITLED_ROLES: readonly string[] = ["class_teacher", "admin"];

/** Whether a staff member of this role (active or not) may receive a kind at all. */
export function staffEntitled(staff: { role: string; active: boolean }, kind: string): boolean {
  if (!staff.active) return false;
  return !CHILD_NAMING_STAFF_KINDS.includes(kind) || ENTITLED_ROLES.includes(staff.role);
}
