// The leave forms: a family's request, a class teacher's question. Flat field
// names (the app parses forms with extended: false).
import { z } from "zod";
import { isIsoDate } from "../kernel";
import { ID_PATTERN, plainText } from "../http";
import { LEAVE_KINDS, NOTE_MAX, REPLY_MAX } from "./core";

const id = (key: string) =>
  z
    .string({ message: key })
    .regex(ID_PATTERN, key)
    .transform((v) => Number(v));
const date = z.string({ message: "leave.validation.date" }).refine((v) => isIsoDate(v), "leave.validation.date");

export const leaveForm = z
  .object({
    studentId: id("leave.validation.child"),
    fromDate: date,
    // A one-day request may leave the end empty: it ends where it starts.
    toDate: z.union([z.literal(""), date]).optional(),
    scope: z.enum(["all", "session"], { message: "leave.validation.scope" }),
    entryId: z.string().optional(),
    kind: z.enum(LEAVE_KINDS, { message: "leave.validation.kind" }),
    note: plainText(NOTE_MAX).optional(),
  })
  .transform((f, ctx) => {
    let entryId: number | null = null;
    if (f.scope === "session") {
      if (!f.entryId || !ID_PATTERN.test(f.entryId)) {
        ctx.addIssue({ code: "custom", path: ["entryId"], message: "leave.validation.session" });
        return z.NEVER;
      }
      entryId = Number(f.entryId);
    }
    return {
      studentId: f.studentId,
      fromDate: f.fromDate,
      toDate: f.toDate ? f.toDate : f.fromDate,
      entryId,
      kind: f.kind,
      note: f.note ? f.note : null,
    };
  });

export const queryForm = z.object({ reply: plainText(REPLY_MAX, true) });
