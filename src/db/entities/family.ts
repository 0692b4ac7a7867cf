import { Column, Entity, Index, OneToMany, PrimaryGeneratedColumn } from "typeorm";
import { InstantColumn } from "./columns";
import type { Student } from "./student";

// A family logs in with one child's student number and the family access
// code; the code is shown once when generated and stored only as a hash.
@Entity("family")
export class Family {
  @PrimaryGeneratedColumn() id: number;
  @Index({ unique: true }) @Column({ type: "varchar", length: 40 }) familyKey: string;
  @Column({ type: "varchar", length: 100 }) guardianName: string;
  @Column({ type: "varchar", length: 40, nullable: true }) phone: string | null;
  @Column({ type: "varchar", length: 200, nullable: true }) accessCodeHash: string | null;
  @InstantColumn({ nullable: true }) codeIssuedAt: string | null;
  // PIPL: the family must accept the privacy notice before using the service.
  @InstantColumn({ nullable: true }) privacyAcceptedAt: string | null;
  @Column({ type: "varchar", length: 20, nullable: true }) privacyVersion: string | null;
  @Column({ type: "varchar", length: 10, nullable: true }) locale: string | null;
  // Raised whenever this family's sessions must end (see http/auth/session-version.ts).
  @Column({ type: "integer", default: 0 }) sessionVersion: number;
  @OneToMany("Student", "family") students: Student[];
}
