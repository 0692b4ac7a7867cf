// The health probe's one question to the database: does it answer at all?
import type { DataSource } from "typeorm";

export async function ping(ds: DataSource): Promise<void> {
  await ds.query("SELECT 1");
}
