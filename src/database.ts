// Opens the database with the app's entities and brings its schema up to date
// with the migrations. The one place that joins db/ to the entity list.
import type { DataSource } from "typeorm";
import { createDataSource } from "./db/data-source";
import { entities } from "./entities";

export const dataSourceFor = (url: string, options: { logging?: boolean } = {}): DataSource =>
  createDataSource(url, entities, options);

export async function openDatabase(url: string): Promise<DataSource> {
  const ds = dataSourceFor(url);
  await ds.initialize();
  await ds.runMigrations({ transaction: "each" });
  return ds;
}
