// Opens the database and brings its schema up to date with the migrations.
import type { DataSource } from "typeorm";
import { createDataSource } from "./data-source";

export async function openDatabase(url: string): Promise<DataSource> {
  const ds = createDataSource(url);
  await ds.initialize();
  await ds.runMigrations({ transaction: "each" });
  return ds;
}
