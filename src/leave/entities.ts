// Entities of leave requests (listed in src/entities.ts). Names match the migration
// (1766120000000-LeaveRequests) so the schema-drift check stays quiet.
import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from "typeorm";
import { DateColumn, InstantColumn, type Staff, type Student } from "../db";
import type { LeaveKind, LeaveStatus } from "./core/kinds";

// A family's request (请假) for one child: a date or a range, the whole service or one
// session of a one-day request. entryId has no foreign key: it names a row of the
// published timetable, which outlives the draft's entry (as registers do).
@Entity("leave_request")
@Index(["studentId", "fromDate"])
@Index(["fromDate", "toDate"])
export class LeaveRequest {
  @PrimaryGeneratedColumn() id: number;
  @Column({ type: "integer" }) studentId: number;
  @ManyToOne("Student", { onDelete: "CASCADE" }) @JoinColumn({ name: "studentId" }) student: Student;
  @DateColumn() fromDate: string;
  @DateColumn() toDate: string;
  @Column({ type: "integer", nullable: true }) entryId: number | null;
  // The session as it was when asked, so the request reads the same after the timetable changes.
  @Column({ type: "varchar", length: 100, nullable: true }) sessionTitle: string | null;
  @Column({ type: "varchar", length: 10 }) kind: LeaveKind;
  @Column({ type: "varchar", length: 200, nullable: true }) note: string | null;
  @Column({ type: "varchar", length: 12 }) status: LeaveStatus;
  // The class teacher's question to the family (有疑问); null otherwise.
  @Column({ type: "varchar", length: 200, nullable: true }) reply: string | null;
  @Column({ type: "integer", nullable: true }) decidedByStaffId: number | null;
  @ManyToOne("Staff", { nullable: true, onDelete: "SET NULL" })
  @JoinColumn({ name: "decidedByStaffId" })
  decidedBy: Staff | null;
  @InstantColumn({ nullable: true }) decidedAt: string | null;
  @InstantColumn({ nullable: true }) withdrawnAt: string | null;
  @InstantColumn() createdAt: string;
  @InstantColumn() updatedAt: string;
}

export const leaveEntities: Function[] = [LeaveRequest];
