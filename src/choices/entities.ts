// Entities of choice rounds (registered in src/db/entities/index.ts).
import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from "typeorm";
import { type Student, type Term, InstantColumn } from "../db";

export const MECHANISMS = ["optimal", "lottery"] as const;
export type Mechanism = (typeof MECHANISMS)[number];

// A choice round: the window in which families rank clubs for a term.
@Entity("choice_round")
export class ChoiceRound {
  @PrimaryGeneratedColumn() id: number;
  @Index() @Column({ type: "integer" }) termId: number;
  @ManyToOne("Term", { onDelete: "CASCADE" }) @JoinColumn({ name: "termId" }) term: Term;
  @Column({ type: "varchar", length: 100 }) name: string;
  @InstantColumn() opensAt: string;
  // The server enforces the deadline: no family post is accepted after it.
  @InstantColumn() closesAt: string;
  @Column({ type: "simple-json" }) grades: number[];
  // The minimum list length is the lever against gaming `optimal` (see the admin note).
  @Column({ type: "integer", default: 3 }) minChoices: number;
  @Column({ type: "integer", default: 5 }) maxChoices: number;
  @Column({ type: "integer", default: 1 }) maxClubsPerChild: number;
  @Column({ type: "varchar", length: 10, default: "optimal" }) mechanism: Mechanism;
  @Column({ type: "boolean", default: false }) showFirstChoiceCounts: boolean;
  // The clubs a round covers (a top-up, 补选, names a few); null: every club open to its grades.
  @Column({ type: "simple-json", nullable: true }) clubIds: number[] | null;
  // The date this round's seats start, fixed when the round is opened so the
  // seats it offers do not move while families choose (null on older rows: the closing date).
  @Column({ type: "varchar", length: 10, nullable: true }) effectiveDate: string | null;
  @InstantColumn() createdAt: string;
  @InstantColumn() updatedAt: string;
}

// One child's ranked list in a round (a Preference in the glossary).
@Entity("preference")
@Index(["roundId", "studentId"], { unique: true })
export class Preference {
  @PrimaryGeneratedColumn() id: number;
  @Column({ type: "integer" }) roundId: number;
  @ManyToOne("ChoiceRound", { onDelete: "CASCADE" }) @JoinColumn({ name: "roundId" }) round: ChoiceRound;
  @Index() @Column({ type: "integer" }) studentId: number;
  @ManyToOne("Student", { onDelete: "CASCADE" }) @JoinColumn({ name: "studentId" }) student: Student;
  // Club ids, best first.
  @Column({ type: "simple-json" }) clubIds: number[];
  // How many clubs a week the family asks for (≤ the round's maximum).
  @Column({ type: "integer", default: 1 }) maxClubs: number;
  @Column({ type: "boolean", default: false }) placeWithSiblings: boolean;
  // Clubs the child holds that the family would give up for a club at the same
  // time: the club's slot goes back into play, and it is released only if the
  // child is placed elsewhere (null: none).
  @Column({ type: "simple-json", nullable: true }) swapClubIds: number[] | null;
  // "family" online, or "staff" for a paper reply (回执) entered on their behalf.
  @Column({ type: "varchar", length: 10 }) source: "family" | "staff";
  @Column({ type: "integer", nullable: true }) enteredByStaffId: number | null;
  // First submission time: the order a first-come-first-served rush would use.
  @InstantColumn() submittedAt: string;
  @InstantColumn() updatedAt: string;
  // Raised on every save; two parents saving at once see a notice, not a lost update.
  @Column({ type: "integer", default: 1 }) version: number;
}

export const choiceEntities: Function[] = [ChoiceRound, Preference];
