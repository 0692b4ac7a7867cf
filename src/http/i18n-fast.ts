// A precompiled lookup in front of i18next. Under load i18next's t() costs
// 80–400 µs a call (it copies its whole options object on every call), and a
// timetable page calls it hundreds of times. Catalogs never change while the
// process runs, so each locale's keys are flattened once into a Map; plain
// lookups and {{word}} interpolation are answered here with i18next's own
// rules (fallback to English, a missing variable stays as "{{name}}", null
// prints empty). Anything fancier (returnObjects, plurals or context with
// variant keys, other options) goes to i18next unchanged.

export type Translate = (key: unknown, opts?: unknown, ...rest: unknown[]) => unknown;

const VARIABLE = /\{\{\s*(\w+)\s*\}\}/g;
// Options the fast path understands: everything else is i18next's business.
const PARAM_ONLY = (opts: Record<string, unknown>) =>
  !(
    "returnObjects" in opts ||
    "defaultValue" in opts ||
    "context" in opts ||
    "lng" in opts ||
    "lngs" in opts ||
    "ns" in opts ||
    "keyPrefix" in opts ||
    "interpolation" in opts ||
    "replace" in opts ||
    "postProcess" in opts ||
    "ordinal" in opts
  );

export function flatten(
  tree: Record<string, unknown>,
  into = new Map<string, string>(),
  prefix = "",
): Map<string, string> {
  for (const [key, value] of Object.entries(tree)) {
    if (typeof value === "string") into.set(prefix + key, value);
    else if (typeof value === "object" && value !== null && !Array.isArray(value))
      flatten(value as Record<string, unknown>, into, `${prefix}${key}.`);
  }
  return into;
}

// Keys that have suffixed variants (key_other, key_male…): i18next picks among them.
function variantBases(maps: Map<string, string>[]): Set<string> {
  const bases = new Set<string>();
  for (const map of maps)
    for (const key of map.keys()) {
      const cut = key.lastIndexOf("_");
      if (cut > key.lastIndexOf(".")) bases.add(key.slice(0, cut));
    }
  return bases;
}

// "{{-x}}", "{{a.b}}", "{{x, format}}" and $t() nesting are left to i18next.
const NOT_SIMPLE = /\{\{(?!\s*\w+\s*\}\})|\$t\(/;

// A caller's parameter of any kind, stringified as i18next's own interpolation does ('' + value).
const asText = (value: unknown): string => String(value);

function interpolate(text: string, params: Record<string, unknown> | undefined): string | null {
  if (NOT_SIMPLE.test(text)) return null;
  return text.replace(VARIABLE, (whole, name: string) => {
    const value = params?.[name];
    if (value === undefined) return params && Object.prototype.hasOwnProperty.call(params, name) ? "" : whole;
    return value === null ? "" : asText(value);
  });
}

/** t() for one locale: `own` then `fallback` catalog, else i18next (`slow`). */
export function fastTranslator(own: Map<string, string>, fallback: Map<string, string>, slow: Translate): Translate {
  const variants = variantBases([own, fallback]);
  return (key, opts, ...rest) => {
    if (
      typeof key !== "string" ||
      rest.length > 0 ||
      (opts !== undefined && (typeof opts !== "object" || opts === null))
    )
      return slow(key, opts, ...rest);
    const params = opts as Record<string, unknown> | undefined;
    if (params && (!PARAM_ONLY(params) || ("count" in params && variants.has(key)))) return slow(key, opts);
    const text = own.get(key) ?? fallback.get(key);
    if (text === undefined) return slow(key, opts);
    if (!text.includes("{{") && !text.includes("$t(")) return text;
    return interpolate(text, params) ?? slow(key, opts);
  };
}
