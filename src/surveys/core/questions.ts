// A survey's questions as stored: stable ids ("q1", and "q1o2" for its options),
// never reused while the survey is a draft, so every reply answers the same ids.
import type { SurveyQuestion } from "./survey-results";

export interface NewQuestion {
  kind: SurveyQuestion["kind"];
  text: string;
  options: string[];
  satisfaction: boolean;
  satisfied: string[];
}

/** Builds the stored question with stable ids: q<n>, and q<n>o<m> for options. */
export function toSurveyQuestion(q: NewQuestion, n: number): SurveyQuestion {
  const id = `q${n}`;
  if (q.kind === "text") return { id, kind: "text", text: q.text };
  return {
    id,
    kind: q.kind,
    text: q.text,
    ...(q.satisfaction ? { satisfaction: true } : {}),
    options: q.options.map((label, i) => ({
      id: `${id}o${i + 1}`,
      label,
      ...(q.satisfied.includes(label) ? { satisfied: true } : {}),
      ...(q.kind === "rating" ? { value: Number(label) } : {}),
    })),
  };
}

/** The next question's number: one above the highest q<n> so far (a removed question's id is not given again). */
export function nextQuestionNumber(questions: SurveyQuestion[]): number {
  return Math.max(0, ...questions.map((x) => Number(x.id.slice(1)) || 0)) + 1;
}
