// Entities of this capability (listed in src/entities.ts).
// An Allocation run is immutable once stored (except that deleting a child
// replaces its student number with a pseudonym): its exact input and output are
// kept as text so anyone can re-run it and compare bytes. Publishing copies a
// run's result into placements and waitlists, which waitlist offers then change.
import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from "typeorm";
import type { ChoiceRound } from "../choices";
import { type Club, type Student, InstantColumn } from "../db";
import type { Mechanism } from "./core";

/** The figures a run list and the compare page need without parsing the result. */
export interface RunSummary {
  students: number;
  placedStudents: number;
  placements: number;
  sumOfRanks: number;
  rankCounts: number[];
  underMinClubs: number;
  /** What a first-come-first-served rush would have placed on the same choices. */
  fcfs: { placedStudents: number; placements: number; rankCounts: number[] };
  solverPath: string;
  ms: number;
}

// One Allocation run (a draft until published).
@Entity("allocation_run")
export class AllocationRun {
  @PrimaryGeneratedColumn() id: number;
  @Index() @Column({ type: "integer" }) roundId: number;
  @ManyToOne("ChoiceRound", { onDelete: "CASCADE" }) @JoinColumn({ name: "roundId" }) round: ChoiceRound;
  @Column({ type: "varchar", length: 10 }) mechanism: Mechanism;
  // Below 2^31 so it fits an integer column on both databases.
  @Column({ type: "integer" }) seed: number;
  // Byte-exact: the instance JSON the engine read and the result JSON it wrote.
  @Column({ type: "text" }) instance: string;
  @Column({ type: "text" }) result: string;
  // SHA-256 (hex) of instance and result: made with the run, and made again
  // when a deleted child's student number is replaced by a pseudonym (the old
  // hashes would let anyone with the table confirm a guessed number).
  @Column({ type: "varchar", length: 64, nullable: true }) instanceHash: string | null;
  @Column({ type: "varchar", length: 64, nullable: true }) resultHash: string | null;
  // Set when a deleted child was pseudonymised in this run: from then on the
  // lottery draw (which depends on the id) may differ, so verify re-checks
  // feasibility and the objective instead of comparing a re-run's bytes.
  @InstantColumn({ nullable: true }) pseudonymisedAt: string | null;
  @Column({ type: "simple-json" }) summary: RunSummary;
  @Column({ type: "varchar", length: 200, default: "" }) note: string;
  @Column({ type: "integer", nullable: true }) createdById: number | null;
  @InstantColumn() createdAt: string;
}

// Which run families see for a round. One row per round: publishing flips it.
// `version` is bumped by every waitlist change, which row-locks it and so
// serialises concurrent changes to one round across app instances.
@Entity("allocation_publication")
export class AllocationPublication {
  @PrimaryGeneratedColumn() id: number;
  @Index({ unique: true }) @Column({ type: "integer" }) roundId: number;
  @ManyToOne("ChoiceRound", { onDelete: "CASCADE" }) @JoinColumn({ name: "roundId" }) round: ChoiceRound;
  @Column({ type: "integer" }) runId: number;
  @ManyToOne("AllocationRun", { onDelete: "CASCADE" }) @JoinColumn({ name: "runId" }) run: AllocationRun;
  @InstantColumn() publishedAt: string;
  @Column({ type: "integer", nullable: true }) publishedById: number | null;
  @Column({ type: "integer", default: 0 }) version: number;
}

// An admin's decision that a child takes a club, whatever the lists say.
@Entity("allocation_pin")
@Index(["roundId", "studentId", "clubId"], { unique: true })
export class AllocationPin {
  @PrimaryGeneratedColumn() id: number;
  @Column({ type: "integer" }) roundId: number;
  @ManyToOne("ChoiceRound", { onDelete: "CASCADE" }) @JoinColumn({ name: "roundId" }) round: ChoiceRound;
  @Index() @Column({ type: "integer" }) studentId: number;
  @ManyToOne("Student", { onDelete: "CASCADE" }) @JoinColumn({ name: "studentId" }) student: Student;
  @Column({ type: "integer" }) clubId: number;
  @ManyToOne("Club", { onDelete: "CASCADE" }) @JoinColumn({ name: "clubId" }) club: Club;
  @Column({ type: "text" }) reason: string;
  @Column({ type: "integer", nullable: true }) createdById: number | null;
  @InstantColumn() createdAt: string;
}

export type PlacementSource = "allocation" | "offer";

// A child's seat in a club, as published (and changed by withdrawals and offers).
@Entity("club_placement")
@Index(["roundId", "studentId", "clubId"], { unique: true })
export class ClubPlacement {
  @PrimaryGeneratedColumn() id: number;
  @Column({ type: "integer" }) roundId: number;
  @ManyToOne("ChoiceRound", { onDelete: "CASCADE" }) @JoinColumn({ name: "roundId" }) round: ChoiceRound;
  @Index() @Column({ type: "integer" }) studentId: number;
  @ManyToOne("Student", { onDelete: "CASCADE" }) @JoinColumn({ name: "studentId" }) student: Student;
  @Index() @Column({ type: "integer" }) clubId: number;
  @ManyToOne("Club", { onDelete: "CASCADE" }) @JoinColumn({ name: "clubId" }) club: Club;
  @Column({ type: "varchar", length: 10 }) source: PlacementSource;
  @InstantColumn() createdAt: string;
}

export const WAITLIST_STATUSES = ["waiting", "offered", "accepted", "declined", "expired"] as const;
export type WaitlistStatus = (typeof WAITLIST_STATUSES)[number];

// A child's place in a club's waitlist (the published run's order).
@Entity("waitlist_entry")
@Index(["roundId", "clubId", "studentId"], { unique: true })
export class WaitlistEntry {
  @PrimaryGeneratedColumn() id: number;
  @Column({ type: "integer" }) roundId: number;
  @ManyToOne("ChoiceRound", { onDelete: "CASCADE" }) @JoinColumn({ name: "roundId" }) round: ChoiceRound;
  @Column({ type: "integer" }) clubId: number;
  @ManyToOne("Club", { onDelete: "CASCADE" }) @JoinColumn({ name: "clubId" }) club: Club;
  @Index() @Column({ type: "integer" }) studentId: number;
  @ManyToOne("Student", { onDelete: "CASCADE" }) @JoinColumn({ name: "studentId" }) student: Student;
  @Column({ type: "integer" }) position: number;
  @Column({ type: "varchar", length: 10, default: "waiting" }) status: WaitlistStatus;
}

export type OfferStatus = "open" | "accepted" | "declined" | "expired" | "cancelled";

// A seat offered to a waitlisted child; it expires unless the family answers.
@Entity("waitlist_offer")
@Index(["status", "expiresAt"])
export class WaitlistOffer {
  @PrimaryGeneratedColumn() id: number;
  @Index() @Column({ type: "integer" }) roundId: number;
  @ManyToOne("ChoiceRound", { onDelete: "CASCADE" }) @JoinColumn({ name: "roundId" }) round: ChoiceRound;
  @Column({ type: "integer" }) clubId: number;
  @ManyToOne("Club", { onDelete: "CASCADE" }) @JoinColumn({ name: "clubId" }) club: Club;
  @Index() @Column({ type: "integer" }) studentId: number;
  @ManyToOne("Student", { onDelete: "CASCADE" }) @JoinColumn({ name: "studentId" }) student: Student;
  @Column({ type: "integer" }) entryId: number;
  @ManyToOne("WaitlistEntry", { onDelete: "CASCADE" }) @JoinColumn({ name: "entryId" }) entry: WaitlistEntry;
  @Column({ type: "varchar", length: 10, default: "open" }) status: OfferStatus;
  @InstantColumn() createdAt: string;
  @InstantColumn() expiresAt: string;
  @InstantColumn({ nullable: true }) respondedAt: string | null;
}

export const allocationEntities: Function[] = [
  AllocationRun,
  AllocationPublication,
  AllocationPin,
  ClubPlacement,
  WaitlistEntry,
  WaitlistOffer,
];
