// Renders a rule's message template with the values of the fact it fired on.
import type { Locale, Localized } from "./types";

const isLocalized = (v: unknown): v is Localized =>
  typeof v === "object" && v !== null && !Array.isArray(v) && "en" in v && "zh-CN" in v;

// A fact's value (json-rules-engine facts are untyped; numbers and text in practice), as String() gives it.
const asText = (value: unknown): string => String(value);

function format(value: unknown, locale: Locale): string {
  if (value === undefined || value === null || value === "") return "—";
  if (isLocalized(value)) return value[locale];
  if (typeof value === "boolean") return locale === "en" ? (value ? "yes" : "no") : value ? "是" : "否";
  if (Array.isArray(value)) return value.map((v) => format(v, locale)).join(locale === "en" ? ", " : "、");
  return asText(value);
}

/** `{name}` reads the fact's field, else the parameter; `{parameters.name}` always the parameter. */
export function renderMessage(
  template: Localized,
  values: Record<string, unknown>,
  params: Record<string, unknown>,
  ruleId: string,
): Localized {
  const render = (locale: Locale) =>
    template[locale].replace(/\{([^{}]+)\}/g, (whole, name: string) => {
      if (name === "ruleId") return ruleId;
      if (name.startsWith("parameters.")) return format(params[name.slice(11)], locale);
      if (Object.prototype.hasOwnProperty.call(values, name)) return format(values[name], locale);
      if (Object.prototype.hasOwnProperty.call(params, name)) return format(params[name], locale);
      return whole;
    });
  return { "zh-CN": render("zh-CN"), en: render("en") };
}
