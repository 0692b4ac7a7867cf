// Each fact kind publishes its field names so rule files can be checked against them at load time.
export type FieldList<V> = readonly (keyof V & string)[];

/** Lists every key of V; the object literal makes the compiler insist on all of them. */
export function fieldList<V>(keys: Record<keyof V & string, true>): FieldList<V> {
  return Object.keys(keys) as (keyof V & string)[];
}
