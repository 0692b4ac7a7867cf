import { Column, Entity, PrimaryColumn } from "typeorm";
import { InstantColumn } from "./columns";

// Failed logins per account and per address, kept in the database so the
// growing delay holds across app instances (no hard lockout).
@Entity("login_throttle")
export class LoginThrottle {
  @PrimaryColumn({ type: "varchar", length: 200 }) key: string;
  @Column({ type: "integer" }) failures: number;
  @InstantColumn() lastFailureAt: string;
  @InstantColumn() nextAllowedAt: string;
}
