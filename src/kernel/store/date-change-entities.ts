// The kernel's per-date changes to the week (listed in src/entities.ts):
// a cancellation of one published entry's session or of a day's service, and a
// cover. entryId names a published timetable entry (the snapshot's row id), with
// no foreign key: the draft's entry may be deleted while the snapshot still holds it.
import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from "typeorm";
import { type Staff, type Term, DateColumn, InstantColumn } from "../../db";
import type { CancelReason } from "../core/date-changes";

@Entity("session_cancellation")
@Index(["termId", "date"])
export class SessionCancellation {
  @PrimaryGeneratedColumn() id: number;
  @Column({ type: "integer" }) termId: number;
  @ManyToOne("Term", { onDelete: "CASCADE" }) @JoinColumn({ name: "termId" }) term: Term;
  @DateColumn() date: string;
  /** The entry whose session is cancelled; null when the day's service is. */
  @Column({ type: "integer", nullable: true }) entryId: number | null;
  /** For a day: the grade whose service is cancelled; null for the whole school. */
  @Column({ type: "integer", nullable: true }) grade: number | null;
  @Column({ type: "varchar", length: 12 }) reason: CancelReason;
  @Column({ type: "varchar", length: 200, nullable: true }) note: string | null;
  @Column({ type: "integer", nullable: true }) createdByStaffId: number | null;
  @InstantColumn() createdAt: string;
}

@Entity("session_cover")
@Index(["termId", "date"])
// One cover per session and date: two admins saving at once cannot both win.
@Index(["entryId", "date"], { unique: true })
export class SessionCover {
  @PrimaryGeneratedColumn() id: number;
  @Column({ type: "integer" }) termId: number;
  @ManyToOne("Term", { onDelete: "CASCADE" }) @JoinColumn({ name: "termId" }) term: Term;
  @DateColumn() date: string;
  @Column({ type: "integer" }) entryId: number;
  @Column({ type: "integer" }) staffId: number;
  @ManyToOne("Staff", { onDelete: "CASCADE" }) @JoinColumn({ name: "staffId" }) staff: Staff;
  @Column({ type: "integer", nullable: true }) createdByStaffId: number | null;
  @InstantColumn() createdAt: string;
}

export const dateChangeEntities: Function[] = [SessionCancellation, SessionCover];
