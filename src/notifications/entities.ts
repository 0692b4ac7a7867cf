// The notification entities (listed in src/entities.ts through src/notifications):
// the in-app inbox row (a family's or a staff member's) and the outbox, one
// delivery row per notice per further channel (e-mail, WeCom, DingTalk).
import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from "typeorm";
import { type Family, type Staff, InstantColumn } from "../db";

// Exactly one of familyId / staffId is set: whose inbox the row is in.
@Entity("notification")
@Index(["familyId", "createdAt"])
@Index(["staffId", "createdAt"])
export class Notification {
  @PrimaryGeneratedColumn() id: number;
  @Column({ type: "integer", nullable: true }) familyId: number | null;
  @ManyToOne("Family", { onDelete: "CASCADE" }) @JoinColumn({ name: "familyId" }) family: Family;
  @Column({ type: "integer", nullable: true }) staffId: number | null;
  @ManyToOne("Staff", { onDelete: "CASCADE" }) @JoinColumn({ name: "staffId" }) staff: Staff;
  @Column({ type: "varchar", length: 40 }) kind: string;
  @Column({ type: "simple-json" }) payload: Record<string, string | number | null>;
  @InstantColumn() createdAt: string;
  @InstantColumn({ nullable: true }) readAt: string | null;
}

// One delivery of one notice on one channel. Written in the transaction of the
// change that causes it; the dispatcher claims due rows (status pending and
// nextAttemptAt reached, claim absent or expired), sends, and marks them.
// The idempotency key travels with the message so a receiver can drop a repeat.
@Entity("outbox")
@Index(["status", "nextAttemptAt"])
@Index(["createdAt"])
export class OutboxDelivery {
  @PrimaryGeneratedColumn() id: number;
  @Index({ unique: true }) @Column({ type: "varchar", length: 36 }) idempotencyKey: string;
  @Column({ type: "varchar", length: 60 }) kind: string;
  // family / staff (with recipientId) or group (the school's staff groups: no id).
  @Column({ type: "varchar", length: 10 }) recipientKind: string;
  @Column({ type: "integer", nullable: true }) recipientId: number | null;
  @Column({ type: "varchar", length: 10 }) channel: string;
  // The e-mail address when the notice was written (null for the group robots,
  // whose webhook is read from the settings when sending).
  @Column({ type: "varchar", length: 200, nullable: true }) address: string | null;
  @Column({ type: "simple-json" }) payload: Record<string, string | number | null>;
  @Column({ type: "varchar", length: 10 }) locale: string;
  @Column({ type: "varchar", length: 10 }) status: string;
  @Column({ type: "integer" }) attempts: number;
  @InstantColumn() nextAttemptAt: string;
  @Column({ type: "varchar", length: 500, nullable: true }) lastError: string | null;
  @InstantColumn({ nullable: true }) claimedUntil: string | null;
  @Column({ type: "varchar", length: 60, nullable: true }) claimedBy: string | null;
  @InstantColumn({ nullable: true }) sentAt: string | null;
  @InstantColumn() createdAt: string;
}

export const notificationEntities: Function[] = [Notification, OutboxDelivery];
