import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from "typeorm";
import type { Staff } from "./staff";
import type { Term } from "./term";
import type { Venue } from "./structure";

export const CLUB_CATEGORIES = ["arts", "sports", "science", "language", "crafts", "thinking"] as const;

// A club (社团) offered in a term; its meetings are timetable entries.
@Entity("club")
@Index(["termId", "code"], { unique: true })
export class Club {
  @PrimaryGeneratedColumn() id: number;
  @Column({ type: "integer" }) termId: number;
  @ManyToOne("Term", { onDelete: "CASCADE" }) @JoinColumn({ name: "termId" }) term: Term;
  // A short stable id used in the allocation instance and feeds (e.g. "choir").
  @Column({ type: "varchar", length: 40 }) code: string;
  @Column({ type: "varchar", length: 100 }) name: string;
  @Column({ type: "varchar", length: 20 }) category: string;
  @Column({ type: "text", default: "" }) description: string;
  @Column({ type: "simple-json" }) grades: number[];
  @Column({ type: "integer", default: 0 }) minSize: number;
  @Column({ type: "integer" }) maxSize: number;
  @Column({ type: "integer", nullable: true }) staffId: number | null;
  @ManyToOne("Staff", { nullable: true, onDelete: "SET NULL" }) @JoinColumn({ name: "staffId" }) staff: Staff | null;
  @Column({ type: "integer", nullable: true }) venueId: number | null;
  @ManyToOne("Venue", { nullable: true, onDelete: "SET NULL" }) @JoinColumn({ name: "venueId" }) venue: Venue | null;
  @Column({ type: "boolean", default: false }) cancelled: boolean;
  // For the proposer (issue 23): who may lead it (staffId is one of them when set),
  // how many sessions a week it meets, and the venue kind it needs (null: any).
  @Column({ type: "simple-json", default: "[]" }) eligibleStaffIds: number[];
  @Column({ type: "integer", default: 1 }) sessionsPerWeek: number;
  @Column({ type: "varchar", length: 20, nullable: true }) venueKind: string | null;
}
