// What a leave request (请假) is: its kind as the family states it and where it
// stands. Pure names, shared by the entity, the forms and the pages.

/** 病假, 事假, 其他: the kind the class teacher sees on the register. */
export const LEAVE_KINDS = ["sick", "personal", "other"] as const;
export type LeaveKind = (typeof LEAVE_KINDS)[number];

/**
 * pending: asked, nobody has looked yet; confirmed: the class teacher agreed (确认);
 * queried: the class teacher has a question (有疑问) and wrote it to the family;
 * withdrawn: the family took it back before it began.
 */
export const LEAVE_STATUSES = ["pending", "confirmed", "queried", "withdrawn"] as const;
export type LeaveStatus = (typeof LEAVE_STATUSES)[number];

/** The family's note and the teacher's question: short, like a message on a phone. */
export const NOTE_MAX = 200;
export const REPLY_MAX = 200;
/** A longer absence is a matter for the office, not a form (e.g. a hospital stay). */
export const MAX_SCHOOL_DAYS = 30;
