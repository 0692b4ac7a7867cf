import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from "typeorm";
import type { Family } from "./family";
import type { SchoolClass } from "./school-class";

// Student numbers are text: leading zeros and 19-digit 学籍号 must survive.
@Entity("student")
export class Student {
  @PrimaryGeneratedColumn() id: number;
  @Index({ unique: true }) @Column({ type: "varchar", length: 32 }) studentNumber: string;
  @Column({ type: "varchar", length: 100 }) name: string;
  @Index() @Column({ type: "integer" }) classId: number;
  @ManyToOne("SchoolClass", { onDelete: "RESTRICT" }) @JoinColumn({ name: "classId" }) schoolClass: SchoolClass;
  @Index() @Column({ type: "integer" }) familyId: number;
  @ManyToOne("Family", "students", { onDelete: "RESTRICT" }) @JoinColumn({ name: "familyId" }) family: Family;
  @Column({ type: "boolean", default: false }) archived: boolean;
}
