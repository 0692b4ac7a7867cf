// Every request with a logged-in session checks that the account still
// accepts it: the account exists (for staff, is active; for a family, still
// has the child the session looks at: a deleted child's session ends), its
// sessionVersion is the one the session logged in with, and the absolute
// lifetime has not run out. One read by primary key, as a fixed statement.
// Otherwise the session continues as a visitor's and the guards send it to
// the login form, which says why. Mounted after the view locals so it can
// take the user out of them too and leave the word for the next page.
import type { NextFunction, Request, Response } from "express";
import type { DataSource } from "typeorm";

export function sessionCheck(ds: DataSource) {
  const p = ds.options.type === "postgres" ? "$1" : "?";
  const staffSql = `SELECT "sessionVersion" AS v, "active" AS a FROM "staff" WHERE "id" = ${p}`;
  // A family session looks at one child: the same read checks that the child
  // is still the family's (a deleted child ends the sessions showing it).
  const q = ds.options.type === "postgres" ? "$2" : "?";
  const familySql = `SELECT f."sessionVersion" AS v FROM "family" f WHERE f."id" = ${p} AND EXISTS (SELECT 1 FROM "student" s WHERE s."id" = ${q} AND s."familyId" = f."id")`;

  const stillValid = async (user: NonNullable<Request["session"]["user"]>): Promise<boolean> => {
    if (user.version === undefined || user.until === undefined || user.until <= Date.now()) return false;
    const rows = (await (user.kind === "staff" ? ds.query(staffSql, [user.id]) : ds.query(familySql, [user.id, user.studentId]))) as { v: number; a?: boolean | number }[];
    const row = rows[0];
    if (!row || Number(row.v) !== user.version) return false;
    return user.kind !== "staff" || Boolean(row.a);
  };

  return async (req: Request, res: Response, next: NextFunction): Promise<void> => {
    const user = req.session?.user;
    if (user && !(await stillValid(user))) {
      delete req.session.user;
      res.locals.user = null;
      req.session.flash = { kind: "error", key: "login.sessionEnded" };
    }
    next();
  };
}
