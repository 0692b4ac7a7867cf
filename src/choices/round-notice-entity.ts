// Which round notices went (issue 21): one row per round and kind
// (round.opened, round.deadline). The unique index is the claim: the instance
// whose insert made the row sends, so every instance may run the sweep.
import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from "typeorm";
import { InstantColumn } from "../db";
import type { ChoiceRound } from "./entities";

@Entity("round_notice")
@Index(["roundId", "kind"], { unique: true })
export class RoundNotice {
  @PrimaryGeneratedColumn() id: number;
  @Column({ type: "integer" }) roundId: number;
  @ManyToOne("ChoiceRound", { onDelete: "CASCADE" }) @JoinColumn({ name: "roundId" }) round: ChoiceRound;
  @Column({ type: "varchar", length: 40 }) kind: string;
  @Column({ type: "varchar", length: 36 }) claim: string;
  @Column({ type: "integer" }) families: number;
  @InstantColumn() sentAt: string;
}
