// `npm start`: migrate, seed the demo school on an empty database, serve.
import { loadConfig } from "./config";
import { openDatabase } from "./db/open";
import { createApp } from "./app";
import { seedDemo } from "../seeds/demo";
import { seedDemoActivity } from "../seeds/demo-activity";
import { DbSessionStore } from "./web/session-store";
import { printLogins } from "./web/print-logins";
import pino from "pino";
import { assertRulesLoad } from "./policy/web/rules-registry";
import { sweepExpiredOffers } from "./assignment/web/offer-sweep";
import { takeServerLock } from "./db/server-lock";

async function main(): Promise<void> {
  // A malformed rule file stops start-up with a message naming the file and field.
  assertRulesLoad();
  const config = loadConfig();
  const logger = pino({ level: config.logLevel });
  // Before opening the database: a second server on one SQLite file refuses to start.
  takeServerLock(config.databaseUrl);
  const ds = await openDatabase(config.databaseUrl);
  const { seeded, logins } = await seedDemo(ds);
  // The demo's opt-ins, registers, survey replies, published allocation and homework log, so every page has figures.
  if (seeded) await seedDemoActivity(ds);
  await new DbSessionStore(ds).prune();
  const app = createApp({ ds, config, logger });
  const server = app.listen(config.port, () => {
    const url = `http://localhost:${config.port}`;
    process.stdout.write(printLogins(url, seeded, logins));
  });
  // Waitlist offers also expire lazily on requests; the sweep is idempotent, so every instance may run it.
  setInterval(() => sweepExpiredOffers(ds).catch((err) => logger.error({ err }, "offer sweep failed")), 60_000).unref();
  const stop = () => server.close(() => void ds.destroy().then(() => process.exit(0)));
  process.on("SIGTERM", stop);
  process.on("SIGINT", stop);
}

main().catch((err) => {
  process.stderr.write(`Kehou failed to start: ${err instanceof Error ? err.message : String(err)}\n`);
  process.exit(1);
});
