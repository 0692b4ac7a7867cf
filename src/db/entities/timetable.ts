import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from "typeorm";
import { InstantColumn } from "./columns";
import type { Term } from "./term";

// The weekly timetable of a term: a draft until an admin publishes it.
@Entity("timetable")
export class Timetable {
  @PrimaryGeneratedColumn() id: number;
  @Index({ unique: true }) @Column({ type: "integer" }) termId: number;
  @ManyToOne("Term", { onDelete: "CASCADE" }) @JoinColumn({ name: "termId" }) term: Term;
  @InstantColumn({ nullable: true }) publishedAt: string | null;
  // Snapshot of the entries as published: families and staff see only this.
  @Column({ type: "simple-json", nullable: true }) published: unknown[] | null;
  @InstantColumn() updatedAt: string;
}

export const SESSION_KINDS = ["homework", "club", "sport", "activity", "lesson"] as const;
export type SessionKind = (typeof SESSION_KINDS)[number];

// One weekly session in a slot (weekday + period) with its kind, staff and venue.
@Entity("timetable_entry")
@Index(["termId", "weekday", "periodId"])
export class TimetableEntry {
  @PrimaryGeneratedColumn() id: number;
  @Column({ type: "integer" }) termId: number;
  @Column({ type: "integer" }) weekday: number;
  @Column({ type: "integer" }) periodId: number;
  @Column({ type: "varchar", length: 12 }) kind: SessionKind;
  @Column({ type: "varchar", length: 100 }) title: string;
  @Column({ type: "simple-json" }) grades: number[];
  @Column({ type: "integer", nullable: true }) classId: number | null;
  @Column({ type: "integer", nullable: true }) clubId: number | null;
  @Column({ type: "integer", nullable: true }) staffId: number | null;
  @Column({ type: "integer", nullable: true }) venueId: number | null;
  // Raised on every change: calendar feeds carry it as SEQUENCE.
  @Column({ type: "integer", default: 0 }) sequence: number;
  @InstantColumn() updatedAt: string;
}

// A child's opt-in to the service for a term, per weekday (voluntary).
@Entity("service_enrollment")
@Index(["termId", "studentId"], { unique: true })
export class ServiceEnrollment {
  @PrimaryGeneratedColumn() id: number;
  @Column({ type: "integer" }) termId: number;
  @Column({ type: "integer" }) studentId: number;
  @Column({ type: "simple-json" }) weekdays: number[];
  // "family" online, or "staff" for a paper reply (回执) entered on their behalf.
  @Column({ type: "varchar", length: 10 }) source: "family" | "staff";
  @Column({ type: "integer", nullable: true }) enteredByStaffId: number | null;
  @InstantColumn() updatedAt: string;
}
