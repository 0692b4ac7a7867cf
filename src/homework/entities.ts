// Entities of this capability (registered in src/entities.ts).
import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from "typeorm";
import { DateColumn, InstantColumn, type SchoolClass, type Staff } from "../db";
import type { HomeworkTier } from "./core/tiers";

export { HOMEWORK_TIERS, type HomeworkTier } from "./core/tiers";

// One piece of homework a teacher set a class on a date (作业公示 lists these per week).
// Tiered 基础 / 提高 / 拓展; "written" is what the daily limits count.
@Entity("homework_entry")
@Index("IDX_homework_entry_class_date", ["classId", "date"])
export class HomeworkEntry {
  @PrimaryGeneratedColumn() id: number;
  @Column({ type: "integer" }) classId: number;
  @ManyToOne("SchoolClass", { onDelete: "CASCADE" })
  @JoinColumn({ name: "classId", foreignKeyConstraintName: "FK_homework_entry_class" })
  schoolClass: SchoolClass;
  @DateColumn() date: string;
  @Column({ type: "varchar", length: 40 }) subject: string;
  @Column({ type: "text" }) description: string;
  @Column({ type: "varchar", length: 12 }) tier: HomeworkTier;
  @Column({ type: "boolean" }) written: boolean;
  @Column({ type: "integer" }) minutes: number;
  // Names match the migration (1764500000000-Homework) so the schema-drift check stays quiet.
  // Who set it; kept when the account goes (SET NULL), so the board stays whole.
  @Index("IDX_homework_entry_staff") @Column({ type: "integer", nullable: true }) staffId: number | null;
  @ManyToOne("Staff", { nullable: true, onDelete: "SET NULL" })
  @JoinColumn({ name: "staffId", foreignKeyConstraintName: "FK_homework_entry_staff" })
  staff: Staff | null;
  @InstantColumn() createdAt: string;
  @InstantColumn() updatedAt: string;
}

export const homeworkEntities: Function[] = [HomeworkEntry];
