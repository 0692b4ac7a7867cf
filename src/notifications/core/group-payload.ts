// Group messages (the school's WeCom / DingTalk staff groups) are read by every
// member of the group, so they carry no child's name: only counts, class names,
// session titles, dates and links. A payload key that names a person is refused
// outright, before anything is written.
import type { NotificationPayload } from "./payload";

export const CHILD_NAME_KEYS: readonly string[] = ["studentName", "childName", "name", "child", "student"];

export class ChildNameInGroupNotice extends Error {
  constructor(readonly key: string) {
    super(`A staff-group notice may not carry a child's name (payload key "${key}")`);
  }
}

export function assertGroupPayload(payload: NotificationPayload): void {
  const key = Object.keys(payload).find((k) => CHILD_NAME_KEYS.includes(k));
  if (key !== undefined) throw new ChildNameInGroupNotice(key);
}
