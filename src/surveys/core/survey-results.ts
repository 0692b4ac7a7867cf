// Survey results (满意度调查): counts and shares per option, the satisfaction rate
// (满意 + 基本满意) / replies, and free text — anonymous: no reply id, no respondent, no reply order.
import { rate, Rate, sumRates } from "../../reports/core";

export interface SurveyOption {
  id: string;
  label: string;
  /** Marks the options that count as satisfied (满意, 基本满意). */
  satisfied?: boolean;
  /** For rating questions: the score this option stands for. */
  value?: number;
}
export interface SurveyQuestion {
  id: string;
  kind: "single" | "rating" | "text";
  text: string;
  /** Single: required. Rating: optional, 1–5 when absent (labelled ratings list their own). */
  options?: SurveyOption[];
  /** The question the satisfaction rate is taken from. */
  satisfaction?: boolean;
}
/** One reply: answers by question id (an option id, a rating number, or free text). Anything else on it is ignored. */
export interface SurveyReply {
  answers: Record<string, string | number | null | undefined>;
}

export interface SurveyInput {
  questions: SurveyQuestion[];
  replies: SurveyReply[];
}

export interface OptionResult {
  optionId: string;
  label: string;
  count: number;
  share: Rate;
}
export interface ChoiceQuestionResult {
  questionId: string;
  kind: "single" | "rating";
  text: string;
  /** Replies that chose a known option: the denominator of every share. */
  answered: number;
  skipped: number;
  /** Answers naming no known option; shown, never counted. */
  invalid: number;
  options: OptionResult[];
  /** Null unless the question is flagged and has options flagged satisfied. */
  satisfaction: Rate | null;
  /** Mean score for rating questions (sum of values / answered); null for single choice. */
  mean: Rate | null;
}
export interface TextQuestionResult {
  questionId: string;
  kind: "text";
  text: string;
  answered: number;
  answers: string[];
}
export type QuestionResult = ChoiceQuestionResult | TextQuestionResult;

export interface SurveyResults {
  replies: number;
  questions: QuestionResult[];
  /** Satisfied answers over answers, pooled over the flagged questions (with one flagged question: its rate). */
  satisfaction: Rate | null;
}

const DEFAULT_RATING: SurveyOption[] = [1, 2, 3, 4, 5].map((v) => ({ id: String(v), label: String(v), value: v }));

function optionsOf(q: SurveyQuestion): SurveyOption[] {
  if (q.options && q.options.length > 0) return q.options;
  if (q.kind === "rating") return DEFAULT_RATING;
  throw new RangeError(`questions.${q.id}.options: a single-choice question needs options`);
}

function isBlank(answer: unknown): boolean {
  return answer == null || (typeof answer === "string" && answer.trim() === "");
}

// The satisfaction rate counts only options the survey marks satisfied; a question without such marks gives none.
export function satisfactionRate(options: OptionResult[], flagged: SurveyOption[], answered: number): Rate | null {
  const satisfied = new Set(flagged.filter((o) => o.satisfied).map((o) => o.id));
  if (satisfied.size === 0) return null;
  return rate(
    options.filter((o) => satisfied.has(o.optionId)).reduce((n, o) => n + o.count, 0),
    answered,
  );
}

function choiceResult(q: SurveyQuestion, replies: SurveyReply[]): ChoiceQuestionResult {
  const options = optionsOf(q);
  const counts = new Map(options.map((o) => [o.id, 0]));
  let skipped = 0;
  let invalid = 0;
  for (const reply of replies) {
    const answer = reply.answers?.[q.id];
    if (isBlank(answer)) {
      skipped++;
      continue;
    }
    const id = String(answer).trim();
    if (counts.has(id)) counts.set(id, counts.get(id)! + 1);
    else invalid++;
  }
  const answered = replies.length - skipped - invalid;
  const results = options.map((o) => ({
    optionId: o.id,
    label: o.label,
    count: counts.get(o.id)!,
    share: rate(counts.get(o.id)!, answered),
  }));
  const scored = options.filter((o) => typeof o.value === "number");
  const mean =
    q.kind === "rating" && scored.length === options.length
      ? rate(
          options.reduce((sum, o) => sum + o.value! * counts.get(o.id)!, 0),
          answered,
        )
      : null;
  return {
    questionId: q.id,
    kind: q.kind as "single" | "rating",
    text: q.text,
    answered,
    skipped,
    invalid,
    options: results,
    satisfaction: q.satisfaction ? satisfactionRate(results, options, answered) : null,
    mean,
  };
}

// Free text is sorted so the list order cannot be matched to the order replies came in.
function textResult(q: SurveyQuestion, replies: SurveyReply[]): TextQuestionResult {
  const answers = replies
    .map((r) => r.answers?.[q.id])
    .filter((a) => !isBlank(a))
    .map((a) => String(a).trim())
    .sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  return { questionId: q.id, kind: "text", text: q.text, answered: answers.length, answers };
}

export function surveyResults(input: SurveyInput): SurveyResults {
  const questions = input.questions.map((q) =>
    q.kind === "text" ? textResult(q, input.replies) : choiceResult(q, input.replies),
  );
  const rates = questions.flatMap((q) => (q.kind !== "text" && q.satisfaction ? [q.satisfaction] : []));
  return { replies: input.replies.length, questions, satisfaction: rates.length > 0 ? sumRates(rates) : null };
}
