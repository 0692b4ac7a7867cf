// The tools a delivery's words are rendered with: the recipient's language,
// the school's time zone and name, and the site's address for links.
import type { EntityManager } from "typeorm";
import { DEFAULT_LOCALE, isLocale, translator } from "../http";
import { formatStored, schoolZone } from "../kernel";
import type { RenderTools } from "./core";
import { settingValues } from "./recipient-store";

type Repos = Pick<EntityManager, "getRepository">;

export interface SchoolFacts {
  zone: string;
  schoolName: string;
}

export async function schoolFacts(db: Repos): Promise<SchoolFacts> {
  const [zone, names] = await Promise.all([schoolZone(db), settingValues(db, ["school.name"])]);
  return { zone, schoolName: names.get("school.name") ?? "" };
}

export function renderTools(locale: string, facts: SchoolFacts, siteUrl: string): RenderTools {
  const t = translator(isLocale(locale) ? locale : DEFAULT_LOCALE);
  return {
    t: (key, vars) => t(key, vars as never) as unknown as string,
    formatInstant: (iso) => formatStored(iso, facts.zone),
    siteUrl,
    schoolName: facts.schoolName,
  };
}
