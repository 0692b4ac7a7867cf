// Small typed readers for parseInstance. Each names the offending field in the
// thrown InstanceError; they are hand-written rather than a schema library
// because a district instance has 100,000 students and validation must cost
// milliseconds, not seconds. A field is given as (parent path, key) and the
// path string is only built when there is something to report.

import { InstanceError } from "./instance-error";

export type Json = unknown;

const path = (parent: string, key: string) => (parent ? `${parent}.${key}` : key);

export function describe(value: Json): string {
  if (value === null) return "null";
  if (Array.isArray(value)) return "an array";
  if (typeof value === "string")
    return `the string ${JSON.stringify(value.length > 40 ? value.slice(0, 40) + "…" : value)}`;
  switch (typeof value) {
    case "number":
    case "boolean":
    case "bigint":
    case "symbol":
    case "undefined":
    case "function":
      return `${typeof value} ${String(value)}`;
    default:
      return "an object";
  }
}

export function readObject(value: Json, field: string): Record<string, Json> {
  if (typeof value !== "object" || value === null || Array.isArray(value)) {
    throw new InstanceError(field, `expected an object, got ${describe(value)}`);
  }
  return value as Record<string, Json>;
}

export function readArray(value: Json, parent: string, key: string): Json[] {
  if (!Array.isArray(value)) throw new InstanceError(path(parent, key), `expected an array, got ${describe(value)}`);
  return value;
}

export function readId(value: Json, parent: string, key: string): string {
  if (typeof value !== "string")
    throw new InstanceError(path(parent, key), `expected a string id, got ${describe(value)}`);
  if (value.length === 0) throw new InstanceError(path(parent, key), "must not be empty");
  return value;
}

export function readInteger(value: Json, parent: string, key: string, min: number): number {
  if (typeof value !== "number" || !Number.isSafeInteger(value)) {
    throw new InstanceError(path(parent, key), `expected an integer, got ${describe(value)}`);
  }
  if (value < min) {
    throw new InstanceError(
      path(parent, key),
      min === 0 ? `must not be negative, got ${value}` : `must be at least ${min}, got ${value}`,
    );
  }
  return value;
}

/** An optional integer: absent or null gives the default. */
export function readOptionalInteger(value: Json, parent: string, key: string, min: number, fallback: number): number {
  return value === undefined || value === null ? fallback : readInteger(value, parent, key, min);
}

/** A list of distinct non-empty strings (slots, choices, pins); returned as is, not copied. */
export function readStringList(value: Json, parent: string, key: string, what: string): string[] {
  const list = readArray(value, parent, key);
  // Lists are short (five choices, five weekdays): a quadratic scan beats a Set.
  const seen = list.length > 16 ? new Set<Json>() : null;
  for (let i = 0; i < list.length; i++) {
    const item = list[i];
    if (typeof item !== "string" || item.length === 0) readId(item, parent, `${key}[${i}]`);
    if (seen ? seen.has(item) : list.indexOf(item) < i) {
      throw new InstanceError(path(parent, `${key}[${i}]`), `duplicate ${what} ${JSON.stringify(item)}`);
    }
    seen?.add(item);
  }
  return list as string[];
}

export function readIntegerList(value: Json, parent: string, key: string): number[] {
  const list = readArray(value, parent, key);
  for (let i = 0; i < list.length; i++) readInteger(list[i], parent, `${key}[${i}]`, Number.MIN_SAFE_INTEGER);
  return list as number[];
}
