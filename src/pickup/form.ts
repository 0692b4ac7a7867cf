// The pick-up person form (name, relation, phone) and the early pick-up form,
// parsed at the boundary with the shared form kit.
import { z } from "zod";
import { plainText } from "../http";
import { isDialable, NAME_MAX, RELATION_OTHER_MAX, RELATIONS, timeOfDay } from "./core";

export const personForm = z
  .object({
    name: plainText(NAME_MAX, true),
    relation: z.enum(RELATIONS, { message: "pickup.people.relationRequired" }),
    relationOther: plainText(RELATION_OTHER_MAX).optional(),
    phone: plainText(20, true).refine(isDialable, "pickup.people.badPhone"),
  })
  .transform((f, ctx) => {
    const other = f.relation === "other" ? (f.relationOther ?? "") : "";
    // "Other" needs its own words, or the gate cannot tell who this is.
    if (f.relation === "other" && !other)
      ctx.addIssue({ code: "custom", path: ["relationOther"], message: "pickup.people.relationOtherRequired" });
    return { name: f.name, relation: f.relation, relationOther: other || null, phone: f.phone };
  });

// person: a listed person's id, or "other" with a name; time: HH:MM (empty: now).
export const earlyForm = z
  .object({
    studentId: z
      .string({ message: "validation.required" })
      .regex(/^\d{1,9}$/, "validation.required")
      .transform(Number),
    person: z
      .string({ message: "pickup.early.personRequired" })
      .regex(/^(\d{1,9}|other)$/, "pickup.early.personRequired"),
    otherName: plainText(NAME_MAX).optional(),
    time: z
      .string()
      .optional()
      .transform((v, ctx) => {
        if (v === undefined || v.trim() === "") return null;
        const t = timeOfDay(v);
        if (!t) ctx.addIssue({ code: "custom", message: "pickup.early.badTime" });
        return t;
      }),
  })
  .transform((f, ctx) => {
    const name = f.otherName ?? "";
    if (f.person === "other" && !name)
      ctx.addIssue({ code: "custom", path: ["otherName"], message: "pickup.early.otherNameRequired" });
    return {
      studentId: f.studentId,
      collector:
        f.person === "other"
          ? ({ kind: "other", name } as const)
          : ({ kind: "listed", personId: Number(f.person) } as const),
      time: f.time,
    };
  });
export type EarlyForm = z.infer<typeof earlyForm>;

// Undoing an early pick-up: the child, and the teacher's tick that it was a mistake
// (the page asks before anything is removed, with or without JavaScript).
export const undoForm = z.object({
  studentId: z
    .string({ message: "validation.required" })
    .regex(/^\d{1,9}$/, "validation.required")
    .transform(Number),
  confirm: z.literal("1", { message: "pickup.early.undo.confirmRequired" }),
});
