// The admin's survey form. The deadline is typed in the school's time zone
// (datetime-local) and stored as ISO UTC; messages are i18n keys.
import { z } from "zod";
import { ID_PATTERN, plainText } from "../http";
import { fromLocalInput } from "../kernel";

const clubId = z.string().trim().regex(ID_PATTERN, "interest.validation.clubIds").transform(Number);
const grade = z.coerce.number().int().min(1, "interest.validation.grades").max(6, "interest.validation.grades");

export function surveyForm(zone: string) {
  return z.object({
    name: plainText(100, true),
    grades: z
      .union([grade, z.array(grade)], { message: "interest.validation.grades" })
      .transform((v) => [...new Set(Array.isArray(v) ? v : [v])].sort((a, b) => a - b)),
    // None ticked offers every club of the term that is not cancelled (the default).
    clubIds: z
      .union([clubId, z.array(clubId)], { message: "interest.validation.clubIds" })
      .optional()
      .transform((v) => (v === undefined ? [] : [...new Set(Array.isArray(v) ? v : [v])])),
    // Five by default: enough to show a child's range, few enough to mean something.
    maxTicks: z.coerce
      .number({ message: "interest.validation.maxTicks" })
      .int("interest.validation.maxTicks")
      .min(1, "interest.validation.maxTicks")
      .max(20, "interest.validation.maxTicks"),
    closesAt: z
      .string({ message: "interest.validation.datetime" })
      .trim()
      .transform((v, ctx) => {
        const iso = fromLocalInput(v, zone);
        if (!iso) ctx.addIssue({ code: "custom", message: "interest.validation.datetime" });
        return iso ?? "";
      }),
  });
}

export type SurveyFormData = z.infer<ReturnType<typeof surveyForm>>;
