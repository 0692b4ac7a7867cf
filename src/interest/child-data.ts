// A child's interest answers for the data export (src/privacy): which survey,
// which clubs, which was most wanted, when and by whom. Erasure needs nothing
// here: the answers cascade with the student row.
import type { DataSource } from "typeorm";
import { loadClubOffer } from "../choices";
import { answersOfStudent } from "./store/answers";
import { surveyById } from "./store/surveys";

export async function interestOfChild(ds: DataSource, studentId: number): Promise<Record<string, unknown>[]> {
  const answers = await answersOfStudent(ds, studentId);
  const out: Record<string, unknown>[] = [];
  for (const a of answers) {
    const survey = await surveyById(ds, a.surveyId);
    const names = new Map(survey ? (await loadClubOffer(ds.manager, survey.termId)).map((c) => [c.id, c.name]) : []);
    const name = (id: number) => names.get(id) ?? null;
    out.push({
      survey: survey?.name ?? null,
      clubs: a.clubIds.map(name),
      mostWanted: a.mostWantedClubId === null ? null : name(a.mostWantedClubId),
      source: a.source,
      submittedAt: a.submittedAt,
      updatedAt: a.updatedAt,
    });
  }
  return out;
}
