// Kinds that reach their people on every channel they have, whatever their
// preferences: an unexcused absence is a child's safety, not a newsletter.
export const MANDATORY_KINDS: readonly string[] = ["attendance.absent"];

export const isMandatory = (kind: string): boolean => MANDATORY_KINDS.includes(kind);
