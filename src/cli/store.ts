// The database commands' reads.
import type { DataSource } from "typeorm";
import { Staff } from "../db";

export function staffEmailTaken(ds: DataSource, email: string): Promise<boolean> {
  return ds.getRepository(Staff).existsBy({ email });
}
