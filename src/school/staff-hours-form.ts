// The staff form's time windows: for each weekday, an optional "from" and "to"
// (fields from1/to1 … from5/to5). Both or neither; from before to; only on a
// weekday that is ticked. Errors are filed under hours<weekday>.
import type { FieldErrors } from "../http";
import { windowProblem, type StaffHours } from "../kernel/core";

const text = (v: unknown) => (typeof v === "string" ? v.trim() : "");

export function parseStaffHours(
  body: Record<string, unknown>,
  days: number[],
): { hours: StaffHours | null } | { errors: FieldErrors } {
  const hours: StaffHours = {};
  const errors: FieldErrors = {};
  for (const day of [1, 2, 3, 4, 5]) {
    const from = text(body[`from${day}`]);
    const to = text(body[`to${day}`]);
    if (!from && !to) continue;
    const field = `hours${day}`;
    if (!days.includes(day)) errors[field] = { key: "staff.hours.dayNotTicked" };
    else {
      const problem = windowProblem(from, to);
      if (problem) errors[field] = { key: `staff.hours.${problem}` };
      else hours[String(day)] = { from, to };
    }
  }
  if (Object.keys(errors).length) return { errors };
  return { hours: Object.keys(hours).length ? hours : null };
}

/** The form's values from a saved window set. */
export const staffHoursValues = (hours: StaffHours | null): Record<string, string> =>
  Object.fromEntries(
    Object.entries(hours ?? {}).flatMap(([day, w]) =>
      w
        ? [
            [`from${day}`, w.from],
            [`to${day}`, w.to],
          ]
        : [],
    ),
  );
