// Route parameters of the attendance pages: an id and a YYYY-MM-DD date; anything else is a 404.
import { HttpError } from "../http/errors";
import { isIsoDate } from "../kernel";

export function idParam(value: unknown): number {
  if (typeof value !== "string" || !/^\d{1,9}$/.test(value)) throw new HttpError(404, "errors.notFound");
  return Number(value);
}

export function dateParam(value: unknown): string {
  if (!isIsoDate(value)) throw new HttpError(404, "errors.notFound");
  return value;
}

/** An optional ?date=: absent means today; malformed is a 400 naming the field. */
export function dateQuery(value: unknown): string | null {
  if (value === undefined || value === "") return null;
  if (!isIsoDate(value)) throw new HttpError(400, "attendance.badDate");
  return value;
}
