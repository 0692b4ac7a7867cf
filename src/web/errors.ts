// Errors the user may see: a status and an i18n key, never a stack trace.
import type { NextFunction, Request, Response } from "express";
import type { Logger } from "pino";

export class HttpError extends Error {
  constructor(readonly status: number, readonly key: string, readonly params: Record<string, unknown> = {}) {
    super(key);
  }
}

export function notFound(_req: Request, _res: Response, next: NextFunction): void {
  next(new HttpError(404, "errors.notFound"));
}

// Body-parser and CSRF errors carry a status; anything else is our bug: log it, show a plain page.
export function errorHandler(logger: Logger) {
  return (err: unknown, req: Request, res: Response, _next: NextFunction): void => {
    let status = 500;
    let key = "errors.internal";
    let params: Record<string, unknown> = {};
    if (err instanceof HttpError) {
      ({ status, key, params } = err);
    } else if (err instanceof Error && err.name === "MulterError") {
      // Upload refused by its limits (too big, too many files): the user's doing, not ours.
      status = 400;
      key = "errors.upload";
    } else if (isStatusError(err)) {
      status = err.status;
      key = err.code === "EBADCSRFTOKEN" || status === 403 ? "errors.csrf" : "errors.badRequest";
    }
    if (status >= 500) logger.error({ err, url: req.originalUrl }, "request failed");
    if (res.headersSent) return;
    res.status(status);
    if (req.accepts(["html", "json"]) === "json") {
      res.json({ error: res.locals.t ? res.locals.t(key, params) : key, status });
      return;
    }
    res.render("errors/error", { status, messageKey: key, params, title: res.locals.t?.("errors.title") ?? "Error" });
  };
}

function isStatusError(err: unknown): err is { status: number; code?: string } {
  if (typeof err !== "object" || err === null) return false;
  const status = (err as { status?: unknown }).status ?? (err as { statusCode?: unknown }).statusCode;
  if (typeof status !== "number" || status < 400 || status >= 500) return false;
  (err as { status: number }).status = status;
  return true;
}
