// Ids in URLs: anything but a plain number is a page that does not exist (404, never 500).
import { HttpError } from "../http/errors";

export function idParam(value: string): number {
  if (!/^\d{1,9}$/.test(value)) throw new HttpError(404, "errors.notFound");
  return Number(value);
}
