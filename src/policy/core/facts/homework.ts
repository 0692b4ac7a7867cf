// One fact per homework-log entry, for rules about a single assignment (tier, subject, length).
import { isoWeekday } from "../../../kernel/core";
import { weekdayName } from "../clock";
import type { HomeworkTier, IsoDate, Localized, PolicyFact } from "../types";
import type { PolicyContext } from "./context";
import { fieldList } from "./fields";

export interface HomeworkValues {
  homeworkId: string;
  classId: string;
  className: string;
  grade: number;
  date: IsoDate;
  weekdayName: Localized;
  subject: string;
  tier: HomeworkTier;
  tierName: Localized;
  written: boolean;
  minutes: number;
}

export const homeworkFields = fieldList<HomeworkValues>({
  homeworkId: true,
  classId: true,
  className: true,
  grade: true,
  date: true,
  weekdayName: true,
  subject: true,
  tier: true,
  tierName: true,
  written: true,
  minutes: true,
});

const TIER_NAMES: Record<HomeworkTier, Localized> = {
  basic: { "zh-CN": "基础", en: "basic" },
  improving: { "zh-CN": "提高", en: "improving" },
  extension: { "zh-CN": "拓展", en: "extension" },
};

// Tiered homework (基础/提高/拓展) invites per-assignment rules, e.g. a cap on extension work.
export function homeworkFacts(ctx: PolicyContext): PolicyFact<HomeworkValues>[] {
  return ctx.input.homework.map((h) => ({
    kind: "homework" as const,
    target: { kind: "homework" as const, homeworkId: h.id, classId: h.classId, grade: h.grade, date: h.date },
    values: {
      homeworkId: h.id,
      classId: h.classId,
      className: ctx.classes.get(h.classId)?.name ?? h.classId,
      grade: ctx.classes.get(h.classId)?.grade ?? h.grade,
      date: h.date,
      weekdayName: weekdayName(isoWeekday(h.date)),
      subject: h.subject,
      tier: h.tier,
      tierName: TIER_NAMES[h.tier],
      written: h.written,
      minutes: h.minutes,
    },
  }));
}
