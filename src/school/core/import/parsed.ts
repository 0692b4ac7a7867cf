import { z } from "zod";
import { ImportErrorCode, ImportParams } from "./codes";

/** What a cell parser returns: a value, or a code with its params. */
export type Parsed<T> = { ok: true; value: T } | { ok: false; code: ImportErrorCode; params: ImportParams };

export const ok = <T>(value: T): Parsed<T> => ({ ok: true, value });
export const fail = <T = never>(code: ImportErrorCode, params: ImportParams = {}): Parsed<T> => ({
  ok: false,
  code,
  params,
});

// A zod schema for one cell: the parser's code and params travel in the issue.
export function cell<T>(parse: (raw: string) => Parsed<T>): z.ZodType<T, string> {
  return z.string().transform((raw, ctx) => {
    const result = parse(raw);
    if (result.ok) return result.value;
    ctx.addIssue({ code: "custom", message: result.code, params: result.params, input: raw });
    return z.NEVER;
  });
}

// An optional cell: blank means "not given", otherwise the parser decides.
export function optionalCell<T>(parse: (raw: string) => Parsed<T>): z.ZodType<T | undefined, string> {
  return cell((raw) => (raw.trim() === "" ? ok(undefined) : parse(raw)));
}

// A cell whose blank means a default value rather than "missing".
export function cellOr<T>(fallback: T, parse: (raw: string) => Parsed<T>): z.ZodType<T, string> {
  return cell((raw) => (raw.trim() === "" ? ok(fallback) : parse(raw)));
}
