// Two surveys of one term open at once for the same grade would ask a family
// twice and split the answers the proposer reads; opening the second is refused.

export interface SurveyWindow {
  id: number;
  name: string;
  grades: number[];
  opensAt: string | null;
  closesAt: string;
}

/** The other survey open at `now` that shares a grade with `survey`, if any. */
export function openOverlap(survey: SurveyWindow, others: SurveyWindow[], now: string): SurveyWindow | null {
  return (
    others.find(
      (o) =>
        o.id !== survey.id && o.opensAt !== null && now < o.closesAt && o.grades.some((g) => survey.grades.includes(g)),
    ) ?? null
  );
}
