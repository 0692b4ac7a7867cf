// One child's answer as posted: the ticked clubs and the optional "most wanted".
// Only the shape is checked here; the rules (offered, how many) are core's checkTicks.
import { z } from "zod";
import { ID_PATTERN } from "../http";
import type { Ticks } from "./core";

const clubId = z.string().trim().regex(ID_PATTERN, "interest.validation.notOffered").transform(Number);

export const answerForm = z.object({
  clubIds: z
    .union([clubId, z.array(clubId).max(200, "interest.validation.notOffered")], {
      message: "interest.validation.none",
    })
    .optional()
    .transform((v) => (v === undefined ? [] : [...new Set(Array.isArray(v) ? v : [v])])),
  mostWantedClubId: z
    .union([z.literal(""), z.string().trim().regex(ID_PATTERN, "interest.validation.mostWanted")], {
      message: "interest.validation.mostWanted",
    })
    .optional()
    .transform((v) => (v ? Number(v) : null)),
}) satisfies z.ZodType<Ticks, any>;

export type AnswerFormData = z.infer<typeof answerForm>;
