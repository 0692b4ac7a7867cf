// Who may work on a class's families: an admin, or that class's own class teacher.
import type { Request } from "express";
import type { DataSource } from "typeorm";
import type { SchoolClass } from "../db";
import { classById, currentClasses } from "./store/classes";
import { staffUser, HttpError, idParam } from "../http";

export function mayManageClass(user: { role: string; id: number }, cls: Pick<SchoolClass, "classTeacherId">): boolean {
  return user.role === "admin" || (user.role === "class_teacher" && cls.classTeacherId === user.id);
}

// The class named in the path, if this staff member may manage it (else 403; unknown → 404).
export async function managedClass(ds: DataSource, req: Request, param = "classId"): Promise<SchoolClass> {
  const user = staffUser(req);
  const cls = await classById(ds, idParam(req.params[param]));
  if (!cls || cls.archived) throw new HttpError(404, "errors.notFound");
  if (!mayManageClass(user, cls)) throw new HttpError(403, "errors.forbidden");
  return cls;
}

// The classes a staff member sees in the class pickers of enrollment and codes.
export function visibleClasses(ds: DataSource, req: Request): Promise<SchoolClass[]> {
  const user = staffUser(req);
  return currentClasses(ds, user.role === "admin" ? undefined : user.id);
}
