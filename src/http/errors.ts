// Errors the user may see: a status and an i18n key, never a stack trace
// (KEHOU_DEBUG=1 adds it, on a developer's own machine only).
import type { NextFunction, Request, Response } from "express";
import type { Logger } from "pino";
import { setEarlyLocals } from "./early-locale";
import { parserRefusal } from "./parser-errors";

export class HttpError extends Error {
  constructor(
    readonly status: number,
    readonly key: string,
    readonly params: Record<string, unknown> = {},
  ) {
    super(key);
  }
}

export function notFound(_req: Request, _res: Response, next: NextFunction): void {
  next(new HttpError(404, "errors.notFound"));
}

const debug = () => process.env.KEHOU_DEBUG === "1";

// Parser, CSRF and HttpError refusals carry a status; anything else is our bug: log it, show a plain page.
export function errorHandler(logger: Logger) {
  return (err: unknown, req: Request, res: Response, _next: NextFunction): void => {
    let status = 500;
    let key = "errors.internal";
    let params: Record<string, unknown> = {};
    const refusal = parserRefusal(err);
    if (err instanceof HttpError) {
      ({ status, key, params } = err);
      // A 413 is sent before the body was read: close rather than drain it.
      if (status === 413) res.set("Connection", "close");
    } else if (refusal) {
      ({ status, key, params } = refusal);
      // The rest of the body was not read: close rather than drain it.
      res.set("Connection", "close");
    } else if (isStatusError(err)) {
      status = err.status;
      key = err.code === "EBADCSRFTOKEN" || status === 403 ? "errors.csrf" : "errors.badRequest";
    }
    if (status >= 500) logger.error({ err, url: req.originalUrl }, "request failed");
    if (res.headersSent) return;
    // An error before the locals were set (none should be: early-locale.ts runs first) still gets a localized page.
    if (typeof res.locals.t !== "function") setEarlyLocals(req, res);
    const t = res.locals.t as (k: string, p?: Record<string, unknown>) => string;
    const stack = debug() && status >= 500 && err instanceof Error ? err.stack : undefined;
    res.status(status);
    if (req.accepts(["html", "json"]) === "json") {
      res.json({ error: t(key, params), status, ...(stack ? { stack } : {}) });
      return;
    }
    res.render(
      "errors/error",
      { status, messageKey: key, params, title: t("errors.title"), stack },
      (renderErr, html) => {
        if (!renderErr) return void res.send(html);
        // The error page itself failed: plain text, still without a stack.
        logger.error({ err: renderErr, url: req.originalUrl }, "error page failed");
        res.type("text/plain; charset=utf-8").send(`${t("errors.heading", { status })}\n${t(key, params)}\n`);
      },
    );
  };
}

function isStatusError(err: unknown): err is { status: number; code?: string } {
  if (typeof err !== "object" || err === null) return false;
  const status = (err as { status?: unknown }).status ?? (err as { statusCode?: unknown }).statusCode;
  if (typeof status !== "number" || status < 400 || status >= 500) return false;
  (err as { status: number }).status = status;
  return true;
}
