import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from "typeorm";
import type { Staff } from "./staff";

// A class (班级) of one grade; classes move up a grade each school year.
@Entity("school_class")
@Index(["grade", "name"], { unique: true })
export class SchoolClass {
  @PrimaryGeneratedColumn() id: number;
  @Column({ type: "integer" }) grade: number;
  @Column({ type: "varchar", length: 40 }) name: string;
  @Column({ type: "integer", nullable: true }) classTeacherId: number | null;
  @ManyToOne("Staff", { nullable: true, onDelete: "SET NULL" })
  @JoinColumn({ name: "classTeacherId" })
  classTeacher: Staff | null;
  @Column({ type: "boolean", default: false }) archived: boolean;
}
