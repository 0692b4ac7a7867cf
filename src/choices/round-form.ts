// The admin's round form. Times are typed in the school's time zone
// (datetime-local) and stored as ISO UTC; messages are i18n keys.
import { z } from "zod";
import { ID_PATTERN } from "../http";
import { MECHANISMS } from "./entities";
import { fromLocalInput } from "../kernel";

const count = (min: number, max: number, key: string) =>
  z.coerce.number({ message: key }).int(key).min(min, key).max(max, key);
const clubId = z.string().trim().regex(ID_PATTERN, "choices.validation.clubIds").transform(Number);
const grade = z.coerce.number().int().min(1, "choices.validation.grades").max(6, "choices.validation.grades");

export function roundForm(zone: string) {
  const instant = z
    .string()
    .trim()
    .transform((v, ctx) => {
      const iso = fromLocalInput(v, zone);
      if (!iso) ctx.addIssue({ code: "custom", message: "choices.validation.datetime" });
      return iso ?? "";
    });
  return z
    .object({
      name: z.string().trim().min(1, "validation.required").max(100, "validation.tooLong"),
      opensAt: instant,
      closesAt: instant,
      grades: z
        .union([grade, z.array(grade)], { message: "choices.validation.grades" })
        .transform((v) => [...new Set(Array.isArray(v) ? v : [v])].sort((a, b) => a - b)),
      minChoices: count(1, 10, "choices.validation.minChoices"),
      maxChoices: count(1, 10, "choices.validation.maxChoices"),
      // One to three clubs a week: more would crowd out the homework sessions.
      maxClubsPerChild: count(1, 3, "choices.validation.maxClubsPerChild"),
      mechanism: z.enum(MECHANISMS, { message: "choices.validation.mechanism" }),
      showFirstChoiceCounts: z
        .string()
        .optional()
        .transform((v) => v === "1"),
      // A top-up (补选) names the clubs it covers; none ticked covers every club open to its grades.
      clubIds: z
        .union([clubId, z.array(clubId)], { message: "choices.validation.clubIds" })
        .optional()
        .transform((v) => (v === undefined ? null : [...new Set(Array.isArray(v) ? v : [v])].sort((a, b) => a - b)))
        .transform((v) => (v && v.length ? v : null)),
    })
    .refine((r) => !r.opensAt || !r.closesAt || r.closesAt > r.opensAt, {
      path: ["closesAt"],
      message: "choices.validation.closesAfterOpens",
    })
    .refine((r) => r.minChoices <= r.maxChoices, {
      path: ["minChoices"],
      message: "choices.validation.minNotAboveMax",
    });
}

export type RoundFormData = z.infer<ReturnType<typeof roundForm>>;
