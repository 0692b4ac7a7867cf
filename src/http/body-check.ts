// After the parsers, before anything reads a field: control characters in the
// body, query or an uploaded file's name answer 400 naming the field, and a
// JSON body with more values than a form may have answers 413 (urlencoded
// bodies are counted by their parser already).
import type { NextFunction, Request, Response } from "express";
import { BODY_LIMITS } from "./body-limits";
import { scanFields } from "./control-chars";
import { HttpError } from "./errors";

export function bodyCheck(req: Request, _res: Response, next: NextFunction): void {
  // Path parameters are decoded by the router later: %00 in an id or token too.
  if (scanFields(safeDecode(req.path)).field !== null)
    return next(new HttpError(400, "errors.controlChars", { field: "path" }));
  const query = scanFields(req.query);
  if (query.tooDeep) return next(new HttpError(400, "errors.badRequest"));
  if (query.field !== null) return next(new HttpError(400, "errors.controlChars", { field: query.field }));
  const body = scanFields(req.body, BODY_LIMITS.formFields);
  if (body.field !== null) return next(new HttpError(400, "errors.controlChars", { field: body.field }));
  if (body.tooDeep) return next(new HttpError(400, "errors.badRequest"));
  if (body.values > BODY_LIMITS.formFields)
    return next(new HttpError(413, "errors.tooManyFields", { max: BODY_LIMITS.formFields }));
  if (req.file && scanFields(req.file.originalname).field !== null)
    return next(new HttpError(400, "errors.controlChars", { field: "file" }));
  next();
}

function safeDecode(path: string): string {
  try {
    return decodeURIComponent(path);
  } catch {
    return path;
  }
}
