// Reading the notice settings with their defaults (any capability may ask,
// e.g. the absence escalation reads notify.escalateAfterMinutes).
import type { EntityManager } from "typeorm";
import { NOTICE_SETTING_DEFAULTS, NOTICE_SETTING_KEYS, type NoticeSettingKey, type NoticeSettings } from "./core";
import { settingValues } from "./recipient-store";

type Repos = Pick<EntityManager, "getRepository">;

export async function noticeSettings(db: Repos): Promise<NoticeSettings> {
  const stored = await settingValues(db, NOTICE_SETTING_KEYS);
  return Object.fromEntries(
    NOTICE_SETTING_KEYS.map((k) => [k, stored.get(k) ?? NOTICE_SETTING_DEFAULTS[k]]),
  ) as NoticeSettings;
}

export async function noticeSetting(db: Repos, key: NoticeSettingKey): Promise<string> {
  return (await settingValues(db, [key])).get(key) ?? NOTICE_SETTING_DEFAULTS[key];
}

/** Minutes an unacknowledged absence alert waits before it goes to the admins (default 15). */
export async function escalateAfterMinutes(db: Repos): Promise<number> {
  const n = Number(await noticeSetting(db, "notify.escalateAfterMinutes"));
  return Number.isInteger(n) && n > 0 ? n : Number(NOTICE_SETTING_DEFAULTS["notify.escalateAfterMinutes"]);
}
