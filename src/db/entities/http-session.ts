import { Column, Entity, Index, PrimaryColumn } from "typeorm";
import { InstantColumn } from "./columns";

// Sessions live in the database so they survive a restart and are shared by
// several app instances behind a load balancer.
@Entity("http_session")
export class HttpSession {
  @PrimaryColumn({ type: "varchar", length: 100 }) sid: string;
  @Column({ type: "text" }) data: string;
  @Index() @InstantColumn() expiresAt: string;
}
