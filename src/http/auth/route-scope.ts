// Role scope as data: every route is registered with a scope value as its
// first handler. A scope is both the guard that runs (who may come in) and the
// record of who may come in and which of the school's rows they may reach
// there (ownership), so the role × route test reads the app's routes instead
// of a hand-kept list. Ownership itself is enforced where the rows are read
// (services, class-access, attendance); the scope states it.
import type { NextFunction, Request, RequestHandler, Response } from "express";
import type { StaffRole } from "../../db";
import { HttpError } from "../errors";
import { requireLogin } from "./guards";

export const ROLES = ["anonymous", "family", "external", "teacher", "class_teacher", "admin"] as const;
export type Role = (typeof ROLES)[number];

/** Which rows a role reaches through the route: everything the route offers, or only its own. */
export type Ownership = "all" | "own classes" | "own sessions" | "own club" | "own children" | "own account";

export interface RouteScope {
  roles: Partial<Record<Role, Ownership>>;
  why: string;
}

export type ScopeHandler = RequestHandler & { scope: RouteScope };

type StaffLimits = Partial<Record<Exclude<StaffRole, "admin">, Ownership>>;

function roleOf(req: Request): Role {
  const user = req.session?.user;
  if (!user) return "anonymous";
  return user.kind === "family" ? "family" : user.role;
}

function make(roles: Partial<Record<Role, Ownership>>, why: string): ScopeHandler {
  const data: RouteScope = Object.freeze({ roles: Object.freeze({ ...roles }), why });
  const guard = (req: Request, res: Response, next: NextFunction): void => {
    const role = roleOf(req);
    if (roles[role] !== undefined) return next();
    if (role === "anonymous") return requireLogin(req, res, next);
    next(new HttpError(403, "errors.forbidden"));
  };
  return Object.assign(guard, { scope: data });
}

const everyone = (ownership: Ownership) =>
  Object.fromEntries(ROLES.map((r) => [r, ownership])) as Record<Role, Ownership>;

export const scope = {
  /** Anyone, signed in or not (login, privacy notice, health check, token feeds). */
  public: (why: string) => make(everyone("all"), why),
  /** The office only. */
  admin: (why = "school administration") => make({ admin: "all" }, why),
  /** A family, for its own children only. */
  family: (why: string) => make({ family: "own children" }, why),
  /** Admins see all; the staff roles named see only what they own; other staff are refused. */
  staff: (limits: StaffLimits, why: string) => make({ admin: "all", ...limits }, why),
  /** Anyone signed in: families their own children, staff as `limits` says (admins all). */
  signedIn: (limits: Required<StaffLimits>, why: string) =>
    make({ family: "own children", admin: "all", ...limits }, why),
  /** Anyone signed in, about their own account only (password, sessions). */
  ownAccount: (
    why: string,
    roles: Exclude<Role, "anonymous">[] = ["family", "external", "teacher", "class_teacher", "admin"],
  ) => make(Object.fromEntries(roles.map((r) => [r, "own account"])), why),
};

export function isScope(handler: unknown): handler is ScopeHandler {
  return typeof handler === "function" && typeof (handler as Partial<ScopeHandler>).scope === "object";
}

export interface ScopedRoute {
  method: "get" | "post";
  path: string;
  scope: RouteScope;
}

type Layer = {
  route?: { path: string | string[]; methods: Record<string, boolean>; stack: { handle: unknown }[] };
  handle?: { stack?: Layer[] };
};

/** Every route the app registers with the scope it starts with (null: registered without one). */
export function routeScopes(app: unknown): { method: string; path: string; scope: RouteScope | null }[] {
  const out: { method: string; path: string; scope: RouteScope | null }[] = [];
  const walk = (stack: Layer[]) => {
    for (const layer of stack) {
      if (layer.route) {
        const first = layer.route.stack[0]?.handle;
        const paths = Array.isArray(layer.route.path) ? layer.route.path : [layer.route.path];
        for (const path of paths)
          for (const method of Object.keys(layer.route.methods)) {
            out.push({ method, path, scope: isScope(first) ? first.scope : null });
          }
      } else if (layer.handle?.stack) {
        walk(layer.handle.stack);
      }
    }
  };
  walk((app as { router: { stack: Layer[] } }).router.stack);
  return out;
}

/** Start-up check: a route that does not say who may use it does not start. */
export function assertEveryRouteScoped(app: unknown): void {
  const missing = routeScopes(app)
    .filter((r) => r.scope === null)
    .map((r) => `${r.method.toUpperCase()} ${r.path}`);
  if (missing.length)
    throw new Error(`Routes without a scope (put a scope from http/auth/route-scope first): ${missing.join(", ")}`);
}
