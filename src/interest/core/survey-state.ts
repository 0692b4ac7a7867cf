// Where an interest survey stands at an instant. Unlike a choice round it has a
// draft state: the admin prepares it, then opens it (which tells the families).
export type SurveyState = "draft" | "open" | "closed";

// ISO UTC strings compare as text, so no Date parsing is needed.
export function surveyState(survey: { opensAt: string | null; closesAt: string }, now: string): SurveyState {
  if (survey.opensAt === null) return "draft";
  return now < survey.closesAt ? "open" : "closed";
}
