import { Column, Entity, Index, PrimaryGeneratedColumn } from "typeorm";
import { InstantColumn } from "./columns";

// Who changed what, when, and why (where a reason is asked). Append-only.
@Entity("audit_log")
export class AuditEntry {
  @PrimaryGeneratedColumn() id: number;
  @Index() @InstantColumn() at: string;
  @Column({ type: "varchar", length: 10 }) actorKind: "staff" | "family" | "system";
  @Column({ type: "integer", nullable: true }) actorId: number | null;
  @Column({ type: "varchar", length: 120 }) actorLabel: string;
  @Index() @Column({ type: "varchar", length: 60 }) action: string;
  @Column({ type: "varchar", length: 40 }) entity: string;
  @Column({ type: "varchar", length: 40, nullable: true }) entityId: string | null;
  @Column({ type: "simple-json", nullable: true }) details: Record<string, unknown> | null;
  @Column({ type: "text", nullable: true }) reason: string | null;
}
