// Every route the app registers, read from Express's own router, so the
// security tables grow by themselves as capabilities add routes.
import type { Express } from "express";

export interface RouteInfo { method: "get" | "post"; path: string }

type Layer = { route?: { path: string | string[]; methods: Record<string, boolean> }; handle?: { stack?: Layer[] } };

export function listRoutes(app: Express): RouteInfo[] {
  const out: RouteInfo[] = [];
  const walk = (stack: Layer[]) => {
    for (const layer of stack) {
      if (layer.route) {
        const paths = Array.isArray(layer.route.path) ? layer.route.path : [layer.route.path];
        for (const path of paths) for (const m of Object.keys(layer.route.methods)) {
          if (m === "get" || m === "post") out.push({ method: m, path });
        }
      } else if (layer.handle?.stack) {
        walk(layer.handle.stack);
      }
    }
  };
  walk((app as unknown as { router: { stack: Layer[] } }).router.stack);
  return out;
}

// A concrete URL for a route pattern: every parameter gets the same value.
export function fill(path: string, value: string): string {
  return path.replace(/:(\w+)(\([^)]*\))?/g, () => encodeURIComponent(value)).replace(/\*\w*/g, value);
}

// Routes anyone may reach without logging in.
export function isPublic(route: RouteInfo): boolean {
  return ["/login", "/privacy", "/healthz"].includes(route.path) || route.path.startsWith("/feeds/") && /ics|:token/.test(route.path);
}
