// Forms of the survey pages: a new survey, a new question, and a family's reply.
// Errors are i18n keys per field; the pages re-render with them and a 400.
import { z } from "zod";
import { fieldErrors, type FieldErrors } from "../http";
import type { NewQuestion, SurveyQuestion } from "./core";

// Most surveys start from the standard satisfaction question; "blank" starts with none.
export const SURVEY_TEMPLATES = ["standard", "blank"] as const;

export const surveyForm = z.object({
  title: z
    .string({ message: "validation.required" })
    .trim()
    .min(1, "validation.required")
    .max(200, "validation.tooLong"),
  intro: z.string().trim().max(2000, "validation.tooLong").optional().default(""),
  template: z.enum(SURVEY_TEMPLATES, { message: "validation.required" }),
});

/** The standard satisfaction question in the admin's language: the first two options count as satisfied. */
export function presetQuestion(t: (key: string) => string): NewQuestion {
  const options = [t("survey.preset.satisfied"), t("survey.preset.basically"), t("survey.preset.unsatisfied")];
  return {
    kind: "single",
    text: t("survey.preset.question"),
    options,
    satisfaction: true,
    satisfied: options.slice(0, 2),
  };
}

const lines = (value: unknown): string[] =>
  typeof value === "string"
    ? value
        .split(/\r?\n/)
        .map((l) => l.trim())
        .filter((l) => l !== "")
    : [];

export const QUESTION_KINDS = ["single", "rating", "text"] as const;
const RATING = ["1", "2", "3", "4", "5"];

const questionBase = z.object({
  kind: z.enum(QUESTION_KINDS, { message: "validation.invalid_value" }),
  text: z
    .string({ message: "validation.required" })
    .trim()
    .min(1, "validation.required")
    .max(300, "validation.tooLong"),
  satisfaction: z.literal("1").optional(),
});

/** Options one per line (single choice); the satisfied ones listed the same way and required to be among them. */
export function parseQuestion(body: Record<string, unknown>): { question?: NewQuestion; errors: FieldErrors } {
  const parsed = questionBase.safeParse(body);
  if (!parsed.success) return { errors: fieldErrors(parsed.error) };
  const { kind, text } = parsed.data;
  const satisfaction = parsed.data.satisfaction === "1" && kind !== "text";
  const options = kind === "single" ? lines(body.options) : kind === "rating" ? RATING : [];
  const satisfied = satisfaction ? lines(body.satisfied) : [];
  const errors: FieldErrors = {};
  if (kind === "single" && (options.length < 2 || options.length > 10))
    errors.options = { key: "survey.errors.optionCount", params: { min: 2, max: 10 } };
  else if (options.some((o) => o.length > 60)) errors.options = { key: "validation.tooLong" };
  else if (new Set(options).size !== options.length) errors.options = { key: "survey.errors.duplicateOption" };
  if (satisfaction && satisfied.length === 0) errors.satisfied = { key: "survey.errors.satisfiedRequired" };
  else if (satisfied.some((s) => !options.includes(s))) errors.satisfied = { key: "survey.errors.satisfiedUnknown" };
  if (Object.keys(errors).length > 0) return { errors };
  return { question: { kind, text, options, satisfaction, satisfied }, errors };
}

/** A family's reply: every choice question answered with one of its options; free text optional, at most 500 characters. */
export function parseReply(
  questions: SurveyQuestion[],
  body: Record<string, unknown>,
): { answers: Record<string, string>; errors: FieldErrors } {
  const answers: Record<string, string> = {};
  const errors: FieldErrors = {};
  for (const q of questions) {
    const raw = body[`q_${q.id}`];
    const value = typeof raw === "string" ? raw.trim() : "";
    if (q.kind === "text") {
      if (value.length > 500) errors[`q_${q.id}`] = { key: "survey.errors.textTooLong", params: { max: 500 } };
      else if (value !== "") answers[q.id] = value;
    } else if (value === "") {
      errors[`q_${q.id}`] = { key: "survey.errors.answerRequired" };
    } else if (!(q.options ?? []).some((o) => o.id === value)) {
      errors[`q_${q.id}`] = { key: "survey.errors.unknownOption" };
    } else {
      answers[q.id] = value;
    }
  }
  return { answers, errors };
}
