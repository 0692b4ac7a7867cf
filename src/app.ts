// Builds the Express app: security, sessions, language, CSRF, capability
// routes, then 404 and the error page. server.ts only listens.
import express from "express";
import session from "express-session";
import cookieParser from "cookie-parser";
import pino from "pino";
import { join } from "node:path";
import type { DataSource } from "typeorm";
import { ping } from "./db";
import { type Config, projectRoot } from "./config";
import { DbSessionStore } from "./http/session-store";
import { saveSessionBeforeRedirect } from "./http/save-before-redirect";
import { securityHeaders, csrf } from "./http/security";
import { localsMiddleware } from "./http/locals";
import { requestLog } from "./http/request-log";
import { errorHandler, notFound } from "./http/errors";
import { earlyLocale } from "./http/early-locale";
import { preParseGate } from "./http/pre-parse-gate";
import { uploadParser } from "./http/upload-parser";
import { bodyCheck } from "./http/body-check";
import { noStoreWhenSignedIn } from "./http/no-store";
import { BODY_LIMITS } from "./http/body-limits";
import { DEFAULT_PORT } from "./http/public-url";
import { sessionCheck } from "./http/session-check";
import { capabilityRoutes } from "./routes";
import { assertEveryRouteScoped, scope } from "./http/auth/route-scope";
import { feedFileRoutes, uidDomainFrom } from "./feeds";
import "./http/session-user";

export interface AppDeps {
  ds: DataSource;
  config: Pick<Config, "sessionSecret" | "production" | "logLevel" | "trustProxy"> &
    Partial<Pick<Config, "publicUrl" | "publicUrlSet" | "port">>;
  logger?: pino.Logger;
  /** What the start plan adds before every route (first-run setup gate, demo banner): src/setup/start-plan.ts. */
  startHandlers?: express.RequestHandler[];
}

export function createApp({
  ds,
  config,
  logger = pino({ level: config.logLevel }),
  startHandlers = [],
}: AppDeps): express.Express {
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
  // Express's own error page (finalhandler) prints the stack outside "production":
  // ours answers every error, and this keeps the fallback quiet too.
  app.set("env", process.env.KEHOU_DEBUG === "1" ? "development" : "production");
  // The only source of absolute links (src/http/public-url.ts).
  app.locals.publicUrl = config.publicUrl ?? `http://localhost:${config.port ?? DEFAULT_PORT}`;

  // Calendar clients fetch feeds anonymously and often: serve them before
  // sessions and request logging (the token in the URL must not be logged).
  app.use(feedFileRoutes(ds, logger, uidDomainFrom(config.publicUrlSet ? config.publicUrl : undefined)));
  app.use(securityHeaders(config.production));
  app.use(requestLog(logger));
  // The language is known before anything can fail, so every error page is localized.
  app.use(cookieParser());
  app.use(earlyLocale);
  app.use("/public", express.static(join(root, "public"), { maxAge: config.production ? "7d" : 0 }));
  app.get("/healthz", scope.public("load balancers probe it without a session"), async (_req, res) => {
    await ping(ds);
    res.json({ ok: true });
  });

  app.use(
    session({
      name: "kehou.sid",
      secret: config.sessionSecret,
      store: new DbSessionStore(ds),
      resave: false,
      saveUninitialized: false,
      cookie: { httpOnly: true, sameSite: "lax", secure: "auto", maxAge: 7 * 24 * 3600 * 1000 },
    }),
  );
  app.use(saveSessionBeforeRedirect);
  app.use(noStoreWhenSignedIn);
  // Check before you parse: session, role and (for uploads) the CSRF token in
  // the action URL, then parsers with limits, then the fields themselves.
  app.use(preParseGate);
  app.use(
    express.urlencoded({ extended: false, limit: BODY_LIMITS.formBytes, parameterLimit: BODY_LIMITS.formFields }),
  );
  app.use(express.json({ limit: BODY_LIMITS.formBytes }));
  app.use(uploadParser);
  app.use(bodyCheck);
  app.use(localsMiddleware(csrf.generateToken));
  app.use(sessionCheck(ds));
  app.use(csrf.csrfSynchronisedProtection);
  for (const handler of startHandlers) app.use(handler);

  for (const router of capabilityRoutes(ds, config.sessionSecret)) app.use(router);

  app.use(notFound);
  app.use(errorHandler(logger));
  // A route that does not say who may use it does not start (http/auth/route-scope).
  assertEveryRouteScoped(app);
  return app;
}
