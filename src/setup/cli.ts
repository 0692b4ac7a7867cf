// kehou setup-token: a new one-time first-run setup token.
// (kehou seed demo and kehou demo remove are the demo's own entry point: seeds/cli.ts.)
import { loadConfig } from "../config";
import { openDatabase } from "../database";
import { UsageError } from "../cli";
import { adminExists, setupDone } from "./store";
import { issueSetupToken } from "./setup-token";
import { setupTokenLines } from "./core";

export async function setupTokenCommand(argv: string[]): Promise<number> {
  if (argv.length > 0) throw new UsageError("usage: kehou setup-token");
  const ds = await openDatabase(loadConfig(process.env, "command").databaseUrl);
  try {
    if (await setupDone(ds)) throw new UsageError("setup-token: first-run setup is already done");
    if (await adminExists(ds))
      throw new UsageError("setup-token: an admin exists; log in as the admin to finish setup");
    const { token, expiresAt } = await issueSetupToken(ds, { replace: true });
    // stderr only, once: the token is a secret and stdout may be collected into logs.
    process.stderr.write(
      `First-run setup: open /setup on any instance and enter\n${setupTokenLines(token, expiresAt)}`,
    );
  } finally {
    await ds.destroy();
  }
  return 0;
}
