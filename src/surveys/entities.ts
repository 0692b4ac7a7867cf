// Entities of the satisfaction survey (listed in src/entities.ts).
// A family answers once per survey: the receipt says THAT it answered (unique per
// survey and family); the response says WHAT was answered and carries no family,
// no time and no sequential id, so results cannot be traced back to a family.
import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn, PrimaryGeneratedColumn } from "typeorm";
import { InstantColumn, type Family } from "../db";
import type { SurveyQuestion } from "./core";

export const SURVEY_STATES = ["draft", "open", "closed"] as const;
export type SurveyState = (typeof SURVEY_STATES)[number];

// A questionnaire. Questions are edited only while it is a draft, so every reply answers the same questions.
@Entity("survey")
export class Survey {
  @PrimaryGeneratedColumn() id: number;
  @Column({ type: "varchar", length: 200 }) title: string;
  @Column({ type: "text" }) intro: string;
  @Column({ type: "varchar", length: 10 }) state: SurveyState;
  // The surveys core's SurveyQuestion[]: ids are stable strings ("q1", "q1o2").
  @Column({ type: "simple-json" }) questions: SurveyQuestion[];
  @InstantColumn({ nullable: true }) openedAt: string | null;
  @InstantColumn({ nullable: true }) closedAt: string | null;
  @InstantColumn() createdAt: string;
  @InstantColumn() updatedAt: string;
}

// "This family has answered this survey": the database refuses a second one.
@Entity("survey_receipt")
@Index(["surveyId", "familyId"], { unique: true })
@Index(["familyId"])
export class SurveyReceipt {
  @PrimaryGeneratedColumn() id: number;
  @Column({ type: "integer" }) surveyId: number;
  @ManyToOne("Survey", { onDelete: "CASCADE" }) @JoinColumn({ name: "surveyId" }) survey: Survey;
  @Column({ type: "integer" }) familyId: number;
  @ManyToOne("Family", { onDelete: "CASCADE" }) @JoinColumn({ name: "familyId" }) family: Family;
  @InstantColumn() submittedAt: string;
}

// One anonymous reply: answers by question id. The id is random (a UUID), not a counter.
@Entity("survey_response")
@Index(["surveyId"])
export class SurveyResponse {
  @PrimaryColumn({ type: "varchar", length: 36 }) id: string;
  @Column({ type: "integer" }) surveyId: number;
  @ManyToOne("Survey", { onDelete: "CASCADE" }) @JoinColumn({ name: "surveyId" }) survey: Survey;
  @Column({ type: "simple-json" }) answers: Record<string, string>;
}

export const surveyEntities: Function[] = [Survey, SurveyReceipt, SurveyResponse];
