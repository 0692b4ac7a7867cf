// Small presenters for the policy pages: rule parameters and violation rows as text. Pure.
import { fixLinks, gradesOf, type FixLink, type Locale, type ParameterValue, type Violation } from "./core";

const list = (values: unknown[], locale: Locale) => values.map(String).join(locale === "en" ? ", " : "、");

/** "maxWrittenMinutes: grade 1、2 → 0; 3、4 → 30" — a banded parameter reads as its cases. */
export function formatParameter(value: ParameterValue, locale: Locale): string {
  if (Array.isArray(value)) return list(value, locale);
  if (typeof value === "object" && value !== null) {
    const cases = value.cases.map((c) => `${list(c.in, locale)} → ${String(c.value)}`);
    if (value.default !== undefined) cases.push(`${locale === "en" ? "otherwise" : "其他"} → ${String(value.default)}`);
    return `${value.by}: ${cases.join("; ")}`;
  }
  if (typeof value === "boolean") return locale === "en" ? (value ? "yes" : "no") : value ? "是" : "否";
  return String(value);
}

export interface ViolationRow {
  violation: Violation;
  message: string;
  links: FixLink[];
  grades: number[];
}

export function violationRow(v: Violation, locale: Locale, staffNumbers: Map<string, string>): ViolationRow {
  // A session's message names its slot but not its grades; the row adds them.
  const grades = v.target.kind === "entry" ? gradesOf(v) : [];
  return { violation: v, message: v.message[locale] ?? v.message["zh-CN"], links: fixLinks(v, staffNumbers), grades };
}
