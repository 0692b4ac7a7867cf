// Helmet headers with a strict Content-Security-Policy (no inline script),
// and synchroniser-token CSRF protection on every state-changing request.
import helmet from "helmet";
import { csrfSync } from "csrf-sync";
import type { Request } from "express";
import { isUploadRoute } from "./upload-parser";
import { formBody } from "./form-kit";

export function securityHeaders(production: boolean) {
  return helmet({
    contentSecurityPolicy: {
      useDefaults: false,
      directives: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'"],
        styleSrc: ["'self'"],
        imgSrc: ["'self'", "data:"],
        fontSrc: ["'self'"],
        formAction: ["'self'"],
        frameAncestors: ["'none'"],
        objectSrc: ["'none'"],
        baseUri: ["'self'"],
        ...(production ? { upgradeInsecureRequests: [] } : {}),
      },
    },
    // The school may serve over plain http on its LAN; HSTS only in production.
    strictTransportSecurity: production,
  });
}

// An upload's token is in its action URL: it is checked before the multipart
// body is parsed (pre-parse-gate.ts), so a token in that body never counts.
export const csrf = csrfSync({
  getTokenFromRequest: (req: Request) =>
    isUploadRoute(req)
      ? typeof req.query._csrf === "string"
        ? req.query._csrf
        : undefined
      : ((formBody(req)._csrf as string | undefined) ?? (req.headers["x-csrf-token"] as string | undefined)),
  errorConfig: { statusCode: 403, message: "invalid csrf token", code: "EBADCSRFTOKEN" },
});
