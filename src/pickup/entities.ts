// Entities of pick-up (listed in src/entities.ts): a family's authorised
// pick-up people (接送人) and the early pick-ups (提前接走) teachers record.
import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from "typeorm";
import { DateColumn, InstantColumn, type Family, type Student } from "../db";

// One person a family allows to collect its children (the list is per family: siblings share it).
@Entity("pickup_person")
@Index(["familyId"])
export class PickUpPerson {
  @PrimaryGeneratedColumn() id: number;
  @Column({ type: "integer" }) familyId: number;
  @ManyToOne("Family", { onDelete: "CASCADE" }) @JoinColumn({ name: "familyId" }) family: Family;
  @Column({ type: "varchar", length: 40 }) name: string;
  @Column({ type: "varchar", length: 20 }) relation: string;
  @Column({ type: "varchar", length: 20, nullable: true }) relationOther: string | null;
  @Column({ type: "varchar", length: 20 }) phone: string;
  @InstantColumn() createdAt: string;
  @InstantColumn() updatedAt: string;
}

// A child collected before the end of their day: when, by whom, and whether that
// person was on the family's list. The collector's name and relation are copied,
// so the record reads the same after the list changes (pickupPersonId then goes null).
@Entity("early_pickup")
@Index(["studentId", "date"], { unique: true })
@Index(["date"])
export class EarlyPickup {
  @PrimaryGeneratedColumn() id: number;
  @Column({ type: "integer" }) studentId: number;
  @ManyToOne("Student", { onDelete: "CASCADE" }) @JoinColumn({ name: "studentId" }) student: Student;
  @DateColumn() date: string;
  /** The instant the child left (UTC ISO); the school's wall clock shows it. */
  @InstantColumn() pickedUpAt: string;
  /** "16:05": the school's wall-clock time as the teacher recorded it. */
  @Column({ type: "varchar", length: 5 }) localTime: string;
  @Column({ type: "integer", nullable: true }) pickupPersonId: number | null;
  @ManyToOne("PickUpPerson", { nullable: true, onDelete: "SET NULL" })
  @JoinColumn({ name: "pickupPersonId" })
  pickupPerson: PickUpPerson | null;
  @Column({ type: "varchar", length: 40 }) personName: string;
  @Column({ type: "varchar", length: 20, nullable: true }) relation: string | null;
  @Column({ type: "varchar", length: 20, nullable: true }) relationOther: string | null;
  @Column({ type: "boolean", default: false }) unlisted: boolean;
  /** The session the teacher recorded it from (null: the class's day page). */
  @Column({ type: "integer", nullable: true }) entryId: number | null;
  @Column({ type: "integer", nullable: true }) recordedByStaffId: number | null;
  @InstantColumn() recordedAt: string;
}

export const pickupEntities: Function[] = [PickUpPerson, EarlyPickup];
