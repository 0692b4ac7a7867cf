// The feed file route alone, mounted the way app.ts could mount it: after the
// security headers and the request log, before sessions, cookies, body parsers
// and CSRF (it needs none of them). Started by run.ts to show what that wiring
// is worth; PORT and DATABASE_URL come from the environment.
import express from "express";
import pino from "pino";
import pinoHttp from "pino-http";
import { openDatabase } from "../../src/db/open";
import { securityHeaders } from "../../src/web/security";
import { feedFileRoutes } from "../../src/calendar/web/routes";

async function main(): Promise<void> {
  const ds = await openDatabase(process.env.DATABASE_URL!);
  const app = express();
  app.disable("x-powered-by");
  app.use(securityHeaders(true));
  app.use(pinoHttp({ logger: pino({ level: "warn" }) }));
  app.use(feedFileRoutes(ds));
  app.listen(Number(process.env.PORT), "127.0.0.1");
}

main().catch((err) => { console.error(err); process.exit(1); });
