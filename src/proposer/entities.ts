import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from "typeorm";
import { InstantColumn, type Staff, type Term } from "../db";
import type { ProposalMetrics } from "./core";

export const RUN_STATUSES = ["queued", "running", "done", "stopped", "failed"] as const;
export type RunStatus = (typeof RUN_STATUSES)[number];

/** What the admin asked for: the clubs to place, the slots that may hold them, the work budget, the time limit and seed. */
export interface RunOptions {
  clubIds: number[];
  /** "weekday-periodId", e.g. "4-12". */
  slots: string[];
  budget: number;
  timeLimit: number;
  seed: number;
}

/** The best objective so far, as the search reports it (clubs placed, children with a club, placements, −sum of ranks, −changes). */
export type BestScore = [number, number, number, number, number];

// One proposal (issue 23): asked for by an admin, computed by a worker thread
// off the request thread, its progress written here so any instance can show
// it, and accepted into the draft at most once. `fingerprint` is the draft as
// it was when the run started: accepting is refused when the draft changed.
@Entity("proposal_run")
@Index(["termId", "id"])
export class ProposalRun {
  @PrimaryGeneratedColumn() id: number;
  @Column({ type: "integer" }) termId: number;
  @ManyToOne("Term", { onDelete: "CASCADE" }) @JoinColumn({ name: "termId" }) term: Term;
  @Column({ type: "integer", nullable: true }) requestedByStaffId: number | null;
  @ManyToOne("Staff", { nullable: true, onDelete: "SET NULL" })
  @JoinColumn({ name: "requestedByStaffId" })
  requestedBy: Staff | null;
  @Column({ type: "simple-json" }) options: RunOptions;
  @Column({ type: "varchar", length: 10 }) status: RunStatus;
  // Set by "stop" (on any instance); the instance running the worker passes it on.
  @Column({ type: "boolean", default: false }) stopRequested: boolean;
  @Column({ type: "integer", default: 0 }) evaluations: number;
  @Column({ type: "integer" }) budget: number;
  @Column({ type: "simple-json", nullable: true }) best: BestScore | null;
  @Column({ type: "varchar", length: 64 }) fingerprint: string;
  // Where the children's wishes came from: "round" (the term's last round), "interest" (the interest survey) or "none".
  @Column({ type: "varchar", length: 10 }) demand: string;
  @Column({ type: "integer", nullable: true }) roundId: number | null;
  // The instance handed to the solver and its result (docs/proposer.md), as JSON text.
  @Column({ type: "text" }) instance: string;
  @Column({ type: "text", nullable: true }) result: string | null;
  // The allocation of the same wishes onto the draft as it was (the "now" beside the proposal's outcome).
  @Column({ type: "simple-json", nullable: true }) currentMetrics: ProposalMetrics | null;
  @Column({ type: "varchar", length: 200, nullable: true }) error: string | null;
  @InstantColumn({ nullable: true }) acceptedAt: string | null;
  @Column({ type: "integer", nullable: true }) acceptedByStaffId: number | null;
  @ManyToOne("Staff", { nullable: true, onDelete: "SET NULL" })
  @JoinColumn({ name: "acceptedByStaffId" })
  acceptedBy: Staff | null;
  @InstantColumn() createdAt: string;
  @InstantColumn({ nullable: true }) startedAt: string | null;
  @InstantColumn({ nullable: true }) finishedAt: string | null;
  @InstantColumn() updatedAt: string;
}

export const proposerEntities = [ProposalRun];
