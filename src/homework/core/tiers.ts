// Homework is tiered 基础 / 提高 / 拓展 (basic / improving / extension).
export const HOMEWORK_TIERS = ["basic", "improving", "extension"] as const;
export type HomeworkTier = (typeof HOMEWORK_TIERS)[number];
