// zh-CN is the default language; English is the other. Catalogs live in
// locales/*.json so translators never touch code.
import i18next, { TFunction } from "i18next";
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { projectRoot } from "../config";
import { fastTranslator, flatten } from "./i18n-fast";

export const LOCALES = ["zh-CN", "en"] as const;
export type Locale = (typeof LOCALES)[number];
export const DEFAULT_LOCALE: Locale = "zh-CN";

export function isLocale(value: unknown): value is Locale {
  return typeof value === "string" && (LOCALES as readonly string[]).includes(value);
}

// Each capability keeps its own catalog file (locales/<locale>/<capability>.json)
// so teams never edit the same file; the files are merged into one tree.
function catalog(locale: Locale): Record<string, unknown> {
  const dir = join(projectRoot(), "locales", locale);
  const merged: Record<string, unknown> = {};
  for (const file of readdirSync(dir)
    .filter((f) => f.endsWith(".json"))
    .sort()) {
    deepMerge(
      merged,
      JSON.parse(readFileSync(join(dir, file), "utf8")) as Record<string, unknown>,
      `${locale}/${file}`,
    );
  }
  return merged;
}

function deepMerge(into: Record<string, unknown>, from: Record<string, unknown>, file: string, path = ""): void {
  for (const [key, value] of Object.entries(from)) {
    const existing = into[key];
    if (isObject(existing) && isObject(value)) deepMerge(existing, value, file, `${path}${key}.`);
    else if (existing !== undefined) throw new Error(`locales/${file}: key "${path}${key}" is defined twice`);
    else into[key] = value;
  }
}

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === "object" && v !== null && !Array.isArray(v);

const catalogs = Object.fromEntries(LOCALES.map((l) => [l, catalog(l)])) as Record<Locale, Record<string, unknown>>;
const instance = i18next.createInstance();
void instance.init({
  initAsync: false,
  fallbackLng: "en",
  supportedLngs: [...LOCALES],
  resources: Object.fromEntries(LOCALES.map((l) => [l, { translation: catalogs[l] }])),
  // EJS escapes output itself; i18next must not escape a second time.
  interpolation: { escapeValue: false },
  returnNull: false,
});

// One translator per locale, built once: see i18n-fast.ts for why.
const flat = Object.fromEntries(LOCALES.map((l) => [l, flatten(catalogs[l])])) as Record<Locale, Map<string, string>>;
const translators = Object.fromEntries(
  LOCALES.map((l) => [l, fastTranslator(flat[l], flat.en, instance.getFixedT(l) as never) as unknown as TFunction]),
) as Record<Locale, TFunction>;

export function translator(locale: Locale): TFunction {
  return translators[locale];
}

/** The merged catalog keys of a locale, for tests. */
export function catalogKeys(locale: Locale): string[] {
  return [...flat[locale].keys()];
}

/** i18next itself, for tests that check the fast translator gives the same answers. */
export function slowTranslator(locale: Locale): TFunction {
  return instance.getFixedT(locale);
}

export function hasKey(key: string, locale: Locale): boolean {
  return instance.exists(key, { lng: locale, fallbackLng: false });
}
