// Builds the Express app: security, sessions, language, CSRF, capability
// routes, then 404 and the error page. server.ts only listens.
import express from "express";
import session from "express-session";
import cookieParser from "cookie-parser";
import multer from "multer";
import pino from "pino";
import { join } from "node:path";
import type { DataSource } from "typeorm";
import type { Config } from "./config";
import { projectRoot } from "./config";
import { DbSessionStore } from "./web/session-store";
import { saveSessionBeforeRedirect } from "./web/save-before-redirect";
import { securityHeaders, csrf } from "./web/security";
import { localsMiddleware } from "./web/locals";
import { requestLog } from "./web/request-log";
import { errorHandler, notFound } from "./web/errors";
import { authRoutes } from "./web/auth/routes";
import { accountRoutes } from "./web/auth/account-routes";
import { sessionCheck } from "./web/session-check";
import { localeRoutes } from "./web/locale-routes";
import { homeRoutes } from "./web/home-routes";
import { staffAdminRoutes } from "./school/staff-admin-routes";
import { auditRoutes } from "./audit/audit-routes";
import { throttleRoutes } from "./web/auth/throttle-routes";
import { privacyRoutes } from "./privacy/privacy-routes";
import { capabilityRoutes } from "./routes";
import { feedFileRoutes } from "./calendar/web/routes";
import "./web/session-user";

export interface AppDeps { ds: DataSource; config: Pick<Config, "sessionSecret" | "production" | "logLevel" | "trustProxy">; logger?: pino.Logger }

export function createApp({ ds, config, logger = pino({ level: config.logLevel }) }: AppDeps): express.Express {
  const app = express();
  const root = projectRoot();
  app.set("views", join(root, "views"));
  app.set("view engine", "ejs");
  // Express caches compiled templates only under NODE_ENV=production, but a
  // school on plain http runs without it (that flag also turns on HSTS).
  // Views ship with the build and never change under a running server.
  app.set("view cache", true);
  app.set("trust proxy", config.trustProxy ? 1 : false);
  app.disable("x-powered-by");

  // Calendar clients fetch feeds anonymously and often: serve them before
  // sessions and request logging (the token in the URL must not be logged).
  app.use(feedFileRoutes(ds, logger));
  app.use(securityHeaders(config.production));
  app.use(requestLog(logger));
  app.use("/public", express.static(join(root, "public"), { maxAge: config.production ? "7d" : 0 }));
  app.get("/healthz", async (_req, res) => {
    await ds.query("SELECT 1");
    res.json({ ok: true });
  });

  app.use(express.urlencoded({ extended: false, limit: "200kb", parameterLimit: 2000 }));
  app.use(express.json({ limit: "200kb" }));
  app.use(cookieParser());
  app.use(session({
    name: "kehou.sid",
    secret: config.sessionSecret,
    store: new DbSessionStore(ds),
    resave: false,
    saveUninitialized: false,
    cookie: { httpOnly: true, sameSite: "lax", secure: "auto", maxAge: 7 * 24 * 3600 * 1000 },
  }));
  app.use(saveSessionBeforeRedirect);
  // Spreadsheet uploads are multipart: parse them (in memory, size-capped)
  // before CSRF so the token in the form body is checked like any other.
  app.use("/admin/import", multer({ storage: multer.memoryStorage(), defParamCharset: "utf8", limits: { fileSize: 10 * 1024 * 1024, files: 1 } }).single("file"));
  app.use(localsMiddleware(csrf.generateToken));
  app.use(sessionCheck(ds));
  app.use(csrf.csrfSynchronisedProtection);

  app.use(authRoutes(ds, config.sessionSecret));
  app.use(accountRoutes(ds));
  app.use(localeRoutes(ds));
  app.use(privacyRoutes(ds));
  app.use(homeRoutes(ds));
  app.use(staffAdminRoutes(ds));
  app.use(auditRoutes(ds));
  app.use(throttleRoutes(ds));
  for (const router of capabilityRoutes(ds)) app.use(router);

  app.use(notFound);
  app.use(errorHandler(logger));
  return app;
}
