// Which classes a staff member may act for in a round: an admin all of them,
// a class teacher (班主任) only the classes they lead.
import type { Request } from "express";
import type { EntityManager } from "typeorm";
import { staffUser } from "../http";
import { classesLedBy } from "./store/people";

/** undefined = every class (admin); otherwise the class ids this teacher leads. */
export async function classScope(
  em: Pick<EntityManager, "getRepository">,
  req: Request,
): Promise<number[] | undefined> {
  const user = staffUser(req);
  if (user.role === "admin") return undefined;
  return classesLedBy(em, user.id);
}

export const inScope = (scope: number[] | undefined, classId: number): boolean =>
  scope === undefined || scope.includes(classId);
