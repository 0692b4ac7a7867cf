// The membership ledger's one table (registered in src/db/entities/index.ts).
// A row says a child is in a club from one date up to (not including) another,
// and why it began and ended. Rows are never rewritten but to close them, so
// the ledger is also the history of who was in which club on any past day.
import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from "typeorm";
import { type Club, type Student, type Term, DateColumn, InstantColumn } from "../db";

/** Why a membership began: a round's publication, an accepted waitlist offer, an admin's move. */
export const START_REASONS = ["publication", "offer", "admin"] as const;
/** Why it ended: also a withdrawal or the child leaving the school. */
export const END_REASONS = ["publication", "offer", "admin", "withdrawal", "left"] as const;
export type StartReason = (typeof START_REASONS)[number];
export type EndReason = (typeof END_REASONS)[number];

@Entity("membership")
export class Membership {
  @PrimaryGeneratedColumn() id: number;
  @Index() @Column({ type: "integer" }) studentId: number;
  @ManyToOne("Student", { onDelete: "CASCADE" }) @JoinColumn({ name: "studentId" }) student: Student;
  @Index() @Column({ type: "integer" }) clubId: number;
  @ManyToOne("Club", { onDelete: "CASCADE" }) @JoinColumn({ name: "clubId" }) club: Club;
  @Index() @Column({ type: "integer" }) termId: number;
  @ManyToOne("Term", { onDelete: "CASCADE" }) @JoinColumn({ name: "termId" }) term: Term;
  @DateColumn() fromDate: string;
  /** The first date no longer in the club; null while the seat is held. */
  @DateColumn({ nullable: true }) toDate: string | null;
  @Column({ type: "varchar", length: 12 }) reason: StartReason;
  @Column({ type: "varchar", length: 12, nullable: true }) endReason: EndReason | null;
  // Where it came from: the round (and its published run), or the accepted offer.
  @Column({ type: "integer", nullable: true }) roundId: number | null;
  @Column({ type: "integer", nullable: true }) runId: number | null;
  @Column({ type: "integer", nullable: true }) offerId: number | null;
  @InstantColumn() createdAt: string;
  @InstantColumn({ nullable: true }) endedAt: string | null;
}

export const membershipEntities: Function[] = [Membership];
