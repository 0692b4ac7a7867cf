// Who may be reached where (issue 21): a family's optional e-mail address with
// its verification and consent, and each person's opt-outs (a kind on a
// channel they do not want). Listed in src/entities.ts through src/notifications.
import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from "typeorm";
import { type Family, type Staff, InstantColumn } from "../db";

@Entity("family_email")
export class FamilyEmail {
  @PrimaryGeneratedColumn() id: number;
  @Index({ unique: true }) @Column({ type: "integer" }) familyId: number;
  @ManyToOne("Family", { onDelete: "CASCADE" }) @JoinColumn({ name: "familyId" }) family: Family;
  @Column({ type: "varchar", length: 254 }) address: string;
  // The address is used only once its link was opened, with consent not withdrawn.
  @InstantColumn({ nullable: true }) verifiedAt: string | null;
  @InstantColumn() consentAt: string;
  @Column({ type: "varchar", length: 20 }) consentVersion: string;
  @InstantColumn({ nullable: true }) withdrawnAt: string | null;
  // Only the token's SHA-256 is kept: a stolen database cannot verify anything.
  @Column({ type: "varchar", length: 64, nullable: true }) tokenHash: string | null;
  @InstantColumn({ nullable: true }) tokenExpiresAt: string | null;
  @InstantColumn() updatedAt: string;
}

// A row says "not this kind on this channel" for one family or one staff member;
// no row means the channel carries the kind (the default a school expects).
@Entity("notice_opt_out")
@Index(["familyId", "staffId"])
export class NoticeOptOut {
  @PrimaryGeneratedColumn() id: number;
  @Column({ type: "integer", nullable: true }) familyId: number | null;
  @ManyToOne("Family", { onDelete: "CASCADE" }) @JoinColumn({ name: "familyId" }) family: Family | null;
  @Column({ type: "integer", nullable: true }) staffId: number | null;
  @ManyToOne("Staff", { onDelete: "CASCADE" }) @JoinColumn({ name: "staffId" }) staff: Staff | null;
  @Column({ type: "varchar", length: 40 }) kind: string;
  @Column({ type: "varchar", length: 16 }) channel: string;
  @InstantColumn() createdAt: string;
}

export const peopleEntities: Function[] = [FamilyEmail, NoticeOptOut];
