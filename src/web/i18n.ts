// zh-CN is the default language; English is the other. Catalogs live in
// locales/*.json so translators never touch code.
import i18next, { TFunction } from "i18next";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { projectRoot } from "../config";

export const LOCALES = ["zh-CN", "en"] as const;
export type Locale = (typeof LOCALES)[number];
export const DEFAULT_LOCALE: Locale = "zh-CN";

export function isLocale(value: unknown): value is Locale {
  return typeof value === "string" && (LOCALES as readonly string[]).includes(value);
}

function catalog(locale: Locale): Record<string, unknown> {
  return JSON.parse(readFileSync(join(projectRoot(), "locales", `${locale}.json`), "utf8"));
}

const instance = i18next.createInstance();
void instance.init({
  initAsync: false,
  fallbackLng: "en",
  supportedLngs: [...LOCALES],
  resources: Object.fromEntries(LOCALES.map((l) => [l, { translation: catalog(l) }])),
  // EJS escapes output itself; i18next must not escape a second time.
  interpolation: { escapeValue: false },
  returnNull: false,
});

export function translator(locale: Locale): TFunction {
  return instance.getFixedT(locale);
}

export function hasKey(key: string, locale: Locale): boolean {
  return instance.exists(key, { lng: locale, fallbackLng: false });
}
