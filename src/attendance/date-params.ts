// The date in an attendance page's path or query (an id is the form kit's idParam).
import { HttpError } from "../http";
import { isIsoDate } from "../kernel";

/** A YYYY-MM-DD path segment; anything else is a 404. */
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
