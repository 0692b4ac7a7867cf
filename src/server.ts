// The server (`npm start` runs it after the demo's seed step, seeds/cli.ts start):
// migrate, then the start plan (src/setup/start-plan.ts): serve, refuse, or
// first-run setup. The server never loads seeds/.
import { loadConfig } from "./config";
import { openDatabase } from "./database";
import { appForPlan, planStart, startMessage } from "./setup";
import { DbSessionStore } from "./http/session-store";
import pino from "pino";
import { assertRulesLoad } from "./policy";
import { sweepExpiredOffers } from "./allocation";
import { sweepRoundNotices } from "./choices";
import { takeServerLock } from "./db/server-lock";
import { startDispatcher } from "./notifications";
import { escalateUnacknowledged, sendDaySummaries } from "./attendance";
import { schoolNow } from "./kernel";
import { markInterrupted } from "./proposer";

async function main(): Promise<void> {
  // A malformed rule file stops start-up with a message naming the file and field.
  assertRulesLoad();
  const config = loadConfig();
  const logger = pino({ level: config.logLevel });
  // Before opening the database: a second server on one SQLite file refuses to start.
  takeServerLock(config.databaseUrl);
  const ds = await openDatabase(config.databaseUrl);
  const plan = await planStart(ds, config);
  // Where people reach it: PUBLIC_URL (in development http://localhost:PORT).
  const url = config.publicUrl;
  const message = startMessage(url, plan);
  const app = appForPlan(ds, config, plan, logger);
  if (!app) {
    process.stderr.write(message.stderr);
    await ds.destroy();
    process.exit(1);
  }
  await new DbSessionStore(ds).prune();
  // A proposal computed by the worker thread of a server that stopped will never finish.
  await markInterrupted(ds);
  const server = app.listen(config.port, () => {
    process.stdout.write(message.stdout);
    process.stderr.write(message.stderr);
  });
  // Waitlist offers also expire lazily on requests; the sweep is idempotent, so every instance may run it.
  setInterval(
    () => void sweepExpiredOffers(ds).catch((err) => logger.error({ err }, "offer sweep failed")),
    60_000,
  ).unref();
  // The absence loop (issue 21): unacknowledged alerts go to the admins, and the day's
  // summaries go out after the last session. Both are idempotent across instances.
  setInterval(
    () =>
      void escalateUnacknowledged(ds, schoolNow())
        .then(() => sendDaySummaries(ds, schoolNow()))
        .catch((err) => logger.error({ err }, "absence sweep failed")),
    60_000,
  ).unref();
  // Round openings and deadline reminders: claimed per round and kind, so every instance may sweep.
  setInterval(
    () => void sweepRoundNotices(ds).catch((err) => logger.error({ err }, "round notice sweep failed")),
    60_000,
  ).unref();
  // The outbox's dispatcher: every instance runs one; claims keep them off each other's rows.
  const dispatcher = startDispatcher(ds, {
    siteUrl: url,
    onError: (err) => logger.error({ err }, "outbox dispatch failed"),
  });
  const stop = () => server.close(() => void dispatcher.stop().then(() => ds.destroy().then(() => process.exit(0))));
  process.on("SIGTERM", stop);
  process.on("SIGINT", stop);
}

main().catch((err) => {
  process.stderr.write(`Kehou failed to start: ${err instanceof Error ? err.message : String(err)}\n`);
  process.exit(1);
});
