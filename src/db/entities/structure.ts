import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from "typeorm";
import type { Term } from "./term";

// A period (时段): a daily time band of the service, for some grades.
@Entity("period")
export class Period {
  @PrimaryGeneratedColumn() id: number;
  @Column({ type: "integer" }) termId: number;
  @ManyToOne("Term", { onDelete: "CASCADE" }) @JoinColumn({ name: "termId" }) term: Term;
  @Column({ type: "varchar", length: 40 }) name: string;
  @Column({ type: "varchar", length: 5 }) startTime: string;
  @Column({ type: "varchar", length: 5 }) endTime: string;
  @Column({ type: "simple-json" }) grades: number[];
  @Column({ type: "integer", default: 0 }) position: number;
}

// PE lesson and 大课间 minutes in the school day (outside the service), which
// the sport-hour rule counts toward each grade's daily hour.
@Entity("daily_sport")
@Index(["termId", "grade", "weekday"], { unique: true })
export class DailySport {
  @PrimaryGeneratedColumn() id: number;
  @Column({ type: "integer" }) termId: number;
  @ManyToOne("Term", { onDelete: "CASCADE" }) @JoinColumn({ name: "termId" }) term: Term;
  @Column({ type: "integer" }) grade: number;
  @Column({ type: "integer" }) weekday: number;
  @Column({ type: "integer" }) peMinutes: number;
  @Column({ type: "integer" }) breakMinutes: number;
}

@Entity("venue")
export class Venue {
  @PrimaryGeneratedColumn() id: number;
  @Index({ unique: true }) @Column({ type: "varchar", length: 80 }) name: string;
  @Column({ type: "integer" }) capacity: number;
  @Column({ type: "boolean", default: true }) indoor: boolean;
  // What it is for (src/school/core/venue-kinds.ts): a club asks for a kind of room.
  @Column({ type: "varchar", length: 20, default: "classroom" }) kind: string;
}
