// Entities of attendance (listed in src/entities.ts): the register
// (one mark per child, session and date) and the absence alerts it raises.
import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from "typeorm";
import { DateColumn, InstantColumn, type Staff, type Student } from "../db";

export const ATTENDANCE_STATUSES = ["present", "absent", "excused"] as const;
export type AttendanceStatus = (typeof ATTENDANCE_STATUSES)[number];

// One child's mark in one Session: a published timetable entry on a date.
// entryId has no foreign key: the register outlives later edits of the draft timetable.
@Entity("attendance")
@Index(["entryId", "date", "studentId"], { unique: true })
@Index(["studentId", "date"])
@Index(["date"])
export class Attendance {
  @PrimaryGeneratedColumn() id: number;
  @Column({ type: "integer" }) entryId: number;
  @DateColumn() date: string;
  @Column({ type: "integer" }) studentId: number;
  @ManyToOne("Student", { onDelete: "CASCADE" }) @JoinColumn({ name: "studentId" }) student: Student;
  @Column({ type: "varchar", length: 10 }) status: AttendanceStatus;
  @Column({ type: "varchar", length: 200, nullable: true }) note: string | null;
  @Column({ type: "integer", nullable: true }) markedByStaffId: number | null;
  @ManyToOne("Staff", { nullable: true, onDelete: "SET NULL" })
  @JoinColumn({ name: "markedByStaffId" })
  markedBy: Staff | null;
  @InstantColumn() markedAt: string;
}

export const ALERT_STATES = ["open", "withdrawn"] as const;
export type AlertState = (typeof ALERT_STATES)[number];

// Child safety: a child expected in a session and marked absent without an excuse.
// "withdrawn" when the mark is corrected (the child turned up, or the absence was excused).
@Entity("attendance_alert")
@Index(["entryId", "date", "studentId"], { unique: true })
export class AttendanceAlert {
  @PrimaryGeneratedColumn() id: number;
  @Column({ type: "integer" }) entryId: number;
  @DateColumn() date: string;
  @Index() @Column({ type: "integer" }) studentId: number;
  @ManyToOne("Student", { onDelete: "CASCADE" }) @JoinColumn({ name: "studentId" }) student: Student;
  // The session as it was when marked (title and time), so the alert reads the same later.
  @Column({ type: "varchar", length: 100 }) sessionTitle: string;
  @Column({ type: "varchar", length: 20 }) sessionTime: string;
  @Column({ type: "varchar", length: 10 }) state: AlertState;
  @Column({ type: "integer", nullable: true }) raisedByStaffId: number | null;
  @InstantColumn() createdAt: string;
  @InstantColumn() updatedAt: string;
  // The family's answer (issue 21): one of ALERT_ANSWERS, an optional short note, and when.
  @Column({ type: "varchar", length: 12, nullable: true }) answer: AlertAnswer | null;
  @Column({ type: "varchar", length: 100, nullable: true }) answerNote: string | null;
  @InstantColumn({ nullable: true }) answeredAt: string | null;
  // When the admins were told that nobody acknowledged it in time (set once, by the sweep).
  @InstantColumn({ nullable: true }) escalatedAt: string | null;
}

// What a family answers to an alert: 已请假 / 孩子和我在一起 / 我马上联系老师.
export const ALERT_ANSWERS = ["onLeave", "withMe", "contacting"] as const;
export type AlertAnswer = (typeof ALERT_ANSWERS)[number];

// The day's summary was sent (once per service date, whichever instance's sweep got here first).
@Entity("attendance_day_summary")
export class AttendanceDaySummary {
  @PrimaryGeneratedColumn() id: number;
  @Index({ unique: true }) @DateColumn() date: string;
  @InstantColumn() sentAt: string;
}

export const AUDIENCE_KINDS = ["staff", "family"] as const;
export type AudienceKind = (typeof AUDIENCE_KINDS)[number];

// Who must see an alert (the class teacher, each admin, the family) and when each acknowledged it.
@Entity("attendance_alert_audience")
@Index(["alertId", "audienceKind", "audienceId"], { unique: true })
@Index(["audienceKind", "audienceId"])
export class AttendanceAlertAudience {
  @PrimaryGeneratedColumn() id: number;
  @Column({ type: "integer" }) alertId: number;
  @ManyToOne("AttendanceAlert", { onDelete: "CASCADE" }) @JoinColumn({ name: "alertId" }) alert: AttendanceAlert;
  @Column({ type: "varchar", length: 10 }) audienceKind: AudienceKind;
  @Column({ type: "integer" }) audienceId: number;
  @InstantColumn({ nullable: true }) acknowledgedAt: string | null;
}

export const attendanceEntities: Function[] = [
  Attendance,
  AttendanceAlert,
  AttendanceAlertAudience,
  AttendanceDaySummary,
];
