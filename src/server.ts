// `npm start`: migrate, seed the demo school on an empty database, serve.
import { loadConfig } from "./config";
import { openDatabase } from "./db/open";
import { appForPlan, planStart } from "./setup/start-plan";
import { DbSessionStore } from "./web/session-store";
import { printLogins } from "./web/print-logins";
import pino from "pino";
import { assertRulesLoad } from "./policy/web/rules-registry";
import { sweepExpiredOffers } from "./assignment/web/offer-sweep";

async function main(): Promise<void> {
  // A malformed rule file stops start-up with a message naming the file and field.
  assertRulesLoad();
  const config = loadConfig();
  const logger = pino({ level: config.logLevel });
  const ds = await openDatabase(config.databaseUrl);
  const plan = await planStart(ds, config);
  await new DbSessionStore(ds).prune();
  const app = appForPlan(ds, config, plan, logger)!;
  const server = app.listen(config.port, () => {
    const url = `http://localhost:${config.port}`;
    if (plan.kind === "seeded" || plan.kind === "serve") process.stdout.write(printLogins(url, plan.kind === "seeded", plan.logins));
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
