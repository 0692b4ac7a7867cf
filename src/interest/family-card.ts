// The family home page's cards: one per child whose grade has a survey open now,
// "社团意向调查：请为 X 勾选想参加的社团", or "answered — change" until it closes.
import type { DataSource } from "typeorm";
import { familyChildren } from "../choices";
import { formatLocal, schoolNow, schoolZone } from "../kernel";
import { surveyState } from "./core";
import { answersOfStudents } from "./store/answers";
import { surveyForGrade } from "./store/lookup";

export interface InterestCard {
  studentId: number;
  childName: string;
  surveyName: string;
  closesAt: string;
  answered: boolean;
  href: string;
}

export async function interestCards(ds: DataSource, familyId: number): Promise<InterestCard[]> {
  const now = schoolNow().toISOString();
  const zone = await schoolZone(ds.manager);
  const cards: InterestCard[] = [];
  for (const child of await familyChildren(ds.manager, familyId)) {
    const survey = await surveyForGrade(ds.manager, child.grade, now);
    if (!survey || surveyState(survey, now) !== "open") continue;
    const answered = (await answersOfStudents(ds.manager, survey.id, [child.id])).length > 0;
    cards.push({
      studentId: child.id,
      childName: child.name,
      surveyName: survey.name,
      closesAt: formatLocal(survey.closesAt, zone),
      answered,
      href: `/interest/${child.id}`,
    });
  }
  return cards;
}
