// Ids in URLs: anything that is not a plain positive number is a 404, never a 500.
import { HttpError } from "../http/errors";

export function idParam(value: unknown): number {
  if (typeof value !== "string" || !/^\d{1,9}$/.test(value)) throw new HttpError(404, "errors.notFound");
  return Number(value);
}
