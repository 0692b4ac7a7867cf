// The school's own settings, as the set-up pages read them.
import type { DataSource, EntityManager } from "typeorm";
import { Setting } from "../../db";

/** The school's name ("" until set-up names it). */
export async function schoolName(db: DataSource | EntityManager): Promise<string> {
  return (await db.getRepository(Setting).findOneBy({ key: "school.name" }))?.value ?? "";
}
