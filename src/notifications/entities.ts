// The notification entity (listed in src/entities.ts through src/notifications).
import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from "typeorm";
import { type Family, InstantColumn } from "../db";

@Entity("notification")
@Index(["familyId", "createdAt"])
export class Notification {
  @PrimaryGeneratedColumn() id: number;
  @Column({ type: "integer" }) familyId: number;
  @ManyToOne("Family", { onDelete: "CASCADE" }) @JoinColumn({ name: "familyId" }) family: Family;
  @Column({ type: "varchar", length: 40 }) kind: string;
  @Column({ type: "simple-json" }) payload: Record<string, string | number | null>;
  @InstantColumn() createdAt: string;
  @InstantColumn({ nullable: true }) readAt: string | null;
}

export const notificationEntities: Function[] = [Notification];
