// The register form: one radio group per child (s_<studentId> = present | absent
// | excused) and an optional note (n_<studentId>). Flat field names, because the
// app parses forms with extended: false.
import { z } from "zod";
import { ATTENDANCE_STATUSES } from "./entities";
import type { FieldErrors } from "../http";
import type { Mark } from "./register-service";

const status = z.enum(ATTENDANCE_STATUSES);
const note = z.string().trim().max(200);

export function parseMarks(body: Record<string, unknown>, rosterIds: number[]): { marks: Mark[]; errors: FieldErrors } {
  const marks: Mark[] = [];
  const errors: FieldErrors = {};
  for (const id of rosterIds) {
    const rawStatus = body[`s_${id}`];
    const rawNote = body[`n_${id}`];
    if (rawStatus === undefined || rawStatus === "") continue;
    const s = status.safeParse(rawStatus);
    if (!s.success) {
      errors[`s_${id}`] = { key: "attendance.badStatus" };
      continue;
    }
    const n = note.safeParse(rawNote ?? "");
    if (!n.success) {
      errors[`n_${id}`] = { key: "attendance.noteTooLong", params: { max: 200 } };
      continue;
    }
    marks.push({ studentId: id, status: s.data, note: n.data === "" ? null : n.data });
  }
  return { marks, errors };
}
