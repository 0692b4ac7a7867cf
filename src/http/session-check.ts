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
import { sessionRowReader } from "./store";

export function sessionCheck(ds: DataSource) {
  const sessionRow = sessionRowReader(ds);

  const stillValid = async (user: NonNullable<Request["session"]["user"]>): Promise<boolean> => {
    if (user.version === undefined || user.until === undefined || user.until <= Date.now()) return false;
    const row = await sessionRow(user);
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
