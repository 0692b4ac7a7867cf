import { Column, Entity, Index, PrimaryGeneratedColumn } from "typeorm";
import { DateColumn, InstantColumn } from "./columns";

export const STAFF_ROLES = ["admin", "class_teacher", "teacher", "external"] as const;
export type StaffRole = (typeof STAFF_ROLES)[number];

// Staff: admins (教务处), class teachers (班主任), teachers and external
// instructors (校外人员). Each has a staff number; login is by email.
@Entity("staff")
export class Staff {
  @PrimaryGeneratedColumn() id: number;
  @Index({ unique: true }) @Column({ type: "varchar", length: 32 }) staffNumber: string;
  @Column({ type: "varchar", length: 100 }) name: string;
  @Index({ unique: true }) @Column({ type: "varchar", length: 200, nullable: true }) email: string | null;
  @Column({ type: "varchar", length: 200, nullable: true }) passwordHash: string | null;
  @Column({ type: "varchar", length: 20 }) role: StaffRole;
  @Column({ type: "boolean", default: true }) active: boolean;
  // External instructors must be vetted (background check) before they teach.
  @DateColumn({ nullable: true }) vettedOn: string | null;
  // Weekdays 1–5 the person can take service sessions.
  @Column({ type: "simple-json" }) availableDays: number[];
  // On some of those days only a time window, by weekday ("2": { from: "16:30", to: "18:00" }): src/kernel/core/staff-hours.ts.
  @Column({ type: "simple-json", nullable: true }) availableHours: Record<string, { from: string; to: string }> | null;
  @Column({ type: "varchar", length: 10, nullable: true }) locale: string | null;
  // Raised whenever this account's sessions must end (see http/auth/session-version.ts).
  @Column({ type: "integer", default: 0 }) sessionVersion: number;
  @InstantColumn() createdAt: string;
  @InstantColumn() updatedAt: string;
}
