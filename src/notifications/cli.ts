// `kehou outbox flush`: deliver every due notice now and print what happened
// (for operators: after fixing SMTP, or where no server runs a dispatcher).
// Safe beside a running server: claims keep two dispatchers off one row.
import { parseArgs } from "node:util";
import { loadConfig } from "../config";
import { openDatabase } from "../database";
import { dispatchAll } from "./dispatcher";
import { closeEmailTransports } from "./channels";

export async function outboxCommand(argv: string[]): Promise<number> {
  const [sub, ...rest] = argv;
  if (sub !== "flush") {
    process.stderr.write("usage: kehou outbox flush\n");
    return 2;
  }
  parseArgs({ args: rest, options: {}, strict: true });
  const config = loadConfig(process.env, "command");
  const ds = await openDatabase(config.databaseUrl);
  try {
    const r = await dispatchAll(ds, { siteUrl: config.publicUrl });
    process.stdout.write(`${JSON.stringify(r)}\n`);
    process.stderr.write(`outbox: ${r.sent} sent, ${r.failed} failed of ${r.claimed} due\n`);
    return r.failed > 0 ? 1 : 0;
  } finally {
    closeEmailTransports();
    await ds.destroy();
  }
}
