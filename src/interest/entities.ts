// Entities of the interest survey (意向调查), listed in src/entities.ts. Names
// match the migration (1766220000000-InterestSurvey) so the schema-drift check stays quiet.
import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from "typeorm";
import { InstantColumn, type Staff, type Student, type Term } from "../db";

// A survey of which clubs children would like, before a term's timetable (and so
// any choice round) exists: its answers are the proposer's demand.
@Entity("interest_survey")
export class InterestSurvey {
  @PrimaryGeneratedColumn() id: number;
  @Index() @Column({ type: "integer" }) termId: number;
  @ManyToOne("Term", { onDelete: "CASCADE" }) @JoinColumn({ name: "termId" }) term: Term;
  @Column({ type: "varchar", length: 100 }) name: string;
  @Column({ type: "simple-json" }) grades: number[];
  // The clubs offered, in the order the form and the demand list them.
  @Column({ type: "simple-json" }) clubIds: number[];
  @Column({ type: "integer", default: 5 }) maxTicks: number;
  // Null while a draft: the admin's "open" stamps it (and the families hear of it then).
  @InstantColumn({ nullable: true }) opensAt: string | null;
  // The deadline; closing early moves it to now. The server refuses family posts from then on.
  @InstantColumn() closesAt: string;
  @InstantColumn() createdAt: string;
  @InstantColumn() updatedAt: string;
}

// One child's answer: the clubs ticked (unranked) and, optionally, the one most wanted.
@Entity("interest_answer")
@Index(["surveyId", "studentId"], { unique: true })
export class InterestAnswer {
  @PrimaryGeneratedColumn() id: number;
  @Column({ type: "integer" }) surveyId: number;
  @ManyToOne("InterestSurvey", { onDelete: "CASCADE" }) @JoinColumn({ name: "surveyId" }) survey: InterestSurvey;
  @Index() @Column({ type: "integer" }) studentId: number;
  @ManyToOne("Student", { onDelete: "CASCADE" }) @JoinColumn({ name: "studentId" }) student: Student;
  // Club ids in the survey's club order.
  @Column({ type: "simple-json" }) clubIds: number[];
  // One of clubIds, or null when the family marked none.
  @Column({ type: "integer", nullable: true }) mostWantedClubId: number | null;
  // "family" online, or "staff" for a paper answer typed in on the family's behalf.
  @Column({ type: "varchar", length: 10 }) source: "family" | "staff";
  @Column({ type: "integer", nullable: true }) enteredByStaffId: number | null;
  @ManyToOne("Staff", { nullable: true, onDelete: "SET NULL" })
  @JoinColumn({ name: "enteredByStaffId" })
  enteredBy: Staff | null;
  @InstantColumn() submittedAt: string;
  @InstantColumn() updatedAt: string;
}

export const interestEntities: Function[] = [InterestSurvey, InterestAnswer];
