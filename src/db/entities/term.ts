import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from "typeorm";
import { DateColumn } from "./columns";

// A term (学期): the service runs on school days between its start and end.
@Entity("term")
export class Term {
  @PrimaryGeneratedColumn() id: number;
  @Column({ type: "varchar", length: 60 }) name: string;
  @DateColumn() startDate: string;
  @DateColumn() endDate: string;
  // Only one term is current: the one the admin works on and families see.
  @Column({ type: "boolean", default: false }) current: boolean;
}

export const CALENDAR_DAY_KINDS = ["holiday", "exam", "makeup", "event"] as const;
export type CalendarDayKind = (typeof CALENDAR_DAY_KINDS)[number];

// A date that departs from the plain Mon–Fri week: a holiday or exam day (no
// service), a make-up working day (调休, a Sat/Sun running a chosen weekday's
// timetable) or an event such as the sports meet.
@Entity("calendar_day")
@Index(["termId", "date"], { unique: true })
export class CalendarDay {
  @PrimaryGeneratedColumn() id: number;
  @Column({ type: "integer" }) termId: number;
  @ManyToOne("Term", { onDelete: "CASCADE" }) @JoinColumn({ name: "termId" }) term: Term;
  @DateColumn() date: string;
  @Column({ type: "varchar", length: 10 }) kind: CalendarDayKind;
  @Column({ type: "integer", nullable: true }) runsWeekday: number | null;
  @Column({ type: "varchar", length: 100 }) name: string;
}
