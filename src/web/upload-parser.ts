// Spreadsheet uploads: multipart parsed in memory within BODY_LIMITS, only on
// the upload routes, and only after the pre-parse gate has checked the
// session, the role and the CSRF token in the action URL. Busboy's own errors
// (a broken part header, a body cut short) are the sender's, not ours.
import type { NextFunction, Request, Response } from "express";
import multer from "multer";
import { BODY_LIMITS } from "./body-limits";
import { UploadMalformed } from "./parser-errors";

const single = multer({
  storage: multer.memoryStorage(),
  defParamCharset: "utf8",
  limits: {
    fileSize: BODY_LIMITS.fileBytes,
    files: BODY_LIMITS.files,
    fields: BODY_LIMITS.uploadFields,
    parts: BODY_LIMITS.uploadFields + BODY_LIMITS.files,
    fieldSize: BODY_LIMITS.uploadFieldBytes,
    fieldNameSize: BODY_LIMITS.uploadFieldNameBytes,
    headerPairs: BODY_LIMITS.uploadHeaderPairs,
  },
}).single("file");

/** POST /admin/import/<kind>: the only routes that take a multipart body. */
export const isUploadRoute = (req: Request): boolean => req.method === "POST" && /^\/admin\/import\/[^/]+\/?$/.test(req.path);

export function uploadParser(req: Request, res: Response, next: NextFunction): void {
  if (!isUploadRoute(req)) return next();
  single(req, res, (err?: unknown) => {
    if (!err) return next();
    next(err instanceof multer.MulterError ? err : new UploadMalformed(err));
  });
}
