import { Column, Entity, PrimaryColumn } from "typeorm";

// School-wide settings (school name, time zone, service end times…).
@Entity("setting")
export class Setting {
  @PrimaryColumn({ type: "varchar", length: 60 }) key: string;
  @Column({ type: "text" }) value: string;
}
