// The feed file route mounted the way README.md in src/feeds proposes
// for app.ts: first of all, ahead of the HTML pages' security headers, the
// request log, sessions, cookies, body parsers and CSRF (it needs none of
// them). Started by run.ts to show what that wiring is worth; PORT and
// DATABASE_URL come from the environment.
import express from "express";
import pino from "pino";
import { openDatabase } from "../../src/database";
import { feedFileRoutes } from "../../src/feeds/routes";

async function main(): Promise<void> {
  const ds = await openDatabase(process.env.DATABASE_URL!);
  const app = express();
  app.disable("x-powered-by");
  app.use(feedFileRoutes(ds, pino({ level: "warn" })));
  app.listen(Number(process.env.PORT), "127.0.0.1");
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
