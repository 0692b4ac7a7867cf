// Every route the app registers, with the scope it was registered with, read
// from Express's own router (http/auth/route-scope), so the security tables grow
// by themselves as capabilities add routes.
import type { Express } from "express";
import { routeScopes, type RouteScope } from "../../src/http/auth/route-scope";

export interface RouteInfo {
  method: "get" | "post";
  path: string;
  scope: RouteScope;
}

export function listRoutes(app: Express): RouteInfo[] {
  return routeScopes(app).flatMap((r) => {
    if (r.method !== "get" && r.method !== "post") return [];
    // The app refuses to start without scopes; this keeps the tables honest if that check is ever removed.
    if (!r.scope) throw new Error(`${r.method.toUpperCase()} ${r.path} has no scope`);
    return [{ method: r.method, path: r.path, scope: r.scope }];
  });
}

// A concrete URL for a route pattern: every parameter gets the same value.
export function fill(path: string, value: string): string {
  return path.replace(/:(\w+)(\([^)]*\))?/g, () => encodeURIComponent(value)).replace(/\*\w*/g, value);
}

// Routes anyone may reach without logging in: their scope lets the anonymous in.
export function isPublic(route: RouteInfo): boolean {
  return route.scope.roles.anonymous !== undefined;
}
