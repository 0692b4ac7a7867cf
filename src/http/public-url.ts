// Absolute links (feed URLs, webcal, QR codes, code slips) come from
// PUBLIC_URL only, never from the request's Host header, which anyone can set.
// createApp stores the base in app.locals (config.ts supplies
// http://localhost:PORT in development when PUBLIC_URL is unset).
import type { Request } from "express";

export const DEFAULT_PORT = 3000;

export function siteBase(req: Request): string {
  return String(req.app.locals.publicUrl ?? `http://localhost:${DEFAULT_PORT}`);
}
