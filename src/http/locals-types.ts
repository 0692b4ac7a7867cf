// The typed part of res.locals that route handlers read: the translator set by
// localsMiddleware (./locals.ts) for the request's locale. Express types
// res.locals as Record<string, any> & Locals, so declaring it here gives every
// `res.locals.t(...)` its real type.
import type { TFunction } from "i18next";

declare module "express-serve-static-core" {
  interface Locals {
    t: TFunction;
  }
}
