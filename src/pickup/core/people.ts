// The rules of a family's pick-up list (接送人): who may collect a child after
// the service. Pure: the service and the forms ask these; nothing here reads
// the database.

/** How a pick-up person is related to the child; "other" carries its own words. */
export const RELATIONS = ["father", "mother", "paternalGrandparent", "maternalGrandparent", "other"] as const;
export type Relation = (typeof RELATIONS)[number];

// A short list is one the gate can check at a glance; six covers parents, both
// sets of grandparents and a carer. More is usually a sign the list is not kept.
export const MAX_PICKUP_PEOPLE = 6;
export const NAME_MAX = 40;
export const RELATION_OTHER_MAX = 20;

// A phone the teacher can dial: digits with an optional leading + and the
// separators people type (space, hyphen); 5 to 20 characters, at least 5 digits.
export function isDialable(phone: string): boolean {
  return /^\+?[0-9][0-9 -]{3,18}[0-9]$/.test(phone) && phone.replace(/\D/g, "").length >= 5;
}

/** The number a tel: link dials: the digits, and the + when there is one. */
export const telOf = (phone: string): string => phone.replace(/[^0-9+]/g, "");

/** Whether a family may add one more person. */
export const roomForMore = (count: number): boolean => count < MAX_PICKUP_PEOPLE;
