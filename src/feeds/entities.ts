// Entities of this capability (listed in src/entities.ts).
import { Column, Entity, Index, PrimaryGeneratedColumn } from "typeorm";
import { InstantColumn } from "../db";

export const FEED_KINDS = ["staff", "student", "club", "venue", "school"] as const;
export type FeedKind = (typeof FEED_KINDS)[number];

// The secret in a feed's URL. Calendar clients cannot log in, so the token is
// the only key: 32 random bytes, one live token per feed; regenerating revokes
// the old one, whose URL then answers 404. subjectId is the staff, student,
// club or venue id (0 for the school feed).
@Entity("feed_token")
@Index("IDX_feed_token_live_subject", ["kind", "subjectId"], { unique: true, where: `"revokedAt" IS NULL` })
export class FeedToken {
  @PrimaryGeneratedColumn() id: number;
  @Column({ type: "varchar", length: 10 }) kind: FeedKind;
  @Column({ type: "integer" }) subjectId: number;
  @Index("IDX_feed_token_token", { unique: true }) @Column({ type: "varchar", length: 64 }) token: string;
  @InstantColumn() createdAt: string;
  @InstantColumn({ nullable: true }) revokedAt: string | null;
}

// What each event of a feed was made of when last served ("staff:7", UID): the
// digest of its content, its SEQUENCE and when it last changed (LAST-MODIFIED,
// = DTSTAMP). A build bumps exactly the events whose digest moved, so ICSx⁵'s
// replace-if-newer rule picks up every change and only those.
@Entity("feed_event_stamp")
@Index("IDX_feed_event_stamp_feed_uid", ["feed", "uid"], { unique: true })
export class FeedEventStamp {
  @PrimaryGeneratedColumn() id: number;
  @Column({ type: "varchar", length: 24 }) feed: string;
  @Column({ type: "varchar", length: 255 }) uid: string;
  @Column({ type: "varchar", length: 64 }) digest: string;
  @Column({ type: "integer" }) sequence: number;
  @InstantColumn() stampedAt: string;
}

export const feedEntities: Function[] = [FeedToken, FeedEventStamp];
