// Spreadsheet uploads: multipart parsed in memory within BODY_LIMITS, only on
// the upload routes, and only after the pre-parse gate has checked the
// session, the role and the CSRF token in the action URL. Busboy's own errors
// (a broken part header, a body cut short) are the sender's, not ours.
import type { NextFunction, Request, Response } from "express";
import multer from "multer";
import { BODY_LIMITS, MB } from "./body-limits";
import { HttpError } from "./errors";
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
export const isUploadRoute = (req: Request): boolean =>
  req.method === "POST" && /^\/admin\/import\/[^/]+\/?$/i.test(req.path);

// The most an upload within every limit can weigh, framing included.
const BUDGET = BODY_LIMITS.fileBytes + BODY_LIMITS.uploadFields * (BODY_LIMITS.uploadFieldBytes + 1024) + 64 * 1024;
const tooLarge = () => new HttpError(413, "errors.fileTooLarge", { max: BODY_LIMITS.fileBytes / MB });

export function uploadParser(req: Request, res: Response, next: NextFunction): void {
  if (!isUploadRoute(req)) return next();
  // A declared length past every limit is refused unread.
  if (Number(req.headers["content-length"]) > BUDGET) return next(tooLarge());
  // multer answers a limit only once the rest of the body has been read (and
  // dropped): past the budget, answer at once (the error page closes the connection).
  let seen = 0;
  let settled = false;
  const settle = (err?: unknown) => {
    if (settled) return;
    settled = true;
    req.off("data", count);
    next(err);
  };
  const count = (chunk: Buffer) => {
    seen += chunk.length;
    if (seen > BUDGET) settle(tooLarge());
  };
  req.on("data", count);
  single(req, res, (err?: unknown) =>
    settle(err && !(err instanceof multer.MulterError) ? new UploadMalformed(err) : err),
  );
}
