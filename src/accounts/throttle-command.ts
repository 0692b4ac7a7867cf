// kehou throttle clear [--account EMAIL|STUDENT_NUMBER]: the night the admin
// is locked out and no admin can log in to clear it from the web page.
// Audit-logged as the system. Bad usage exits 2.
import { parseArgs } from "node:util";
import { loadConfig } from "../config";
import { openDatabase } from "../database";
import { SYSTEM } from "../audit";
import { accountKey, clearThrottles } from "./throttle-store";
import { UsageError } from "../cli";

const USAGE = "usage: kehou throttle clear [--account EMAIL|STUDENT_NUMBER]";

export async function throttleCommand(argv: string[]): Promise<number> {
  const [sub, ...rest] = argv;
  if (sub !== "clear") throw new UsageError(USAGE);
  const { values } = parseArgs({
    args: rest,
    options: { account: { type: "string" } },
    strict: true,
    allowPositionals: false,
  });
  if (values.account !== undefined && !values.account.trim())
    throw new UsageError(`--account: required value; ${USAGE}`);
  const keys = values.account === undefined ? null : [accountKey(values.account)];
  const ds = await openDatabase(loadConfig().databaseUrl);
  try {
    const cleared = await clearThrottles(ds, keys, SYSTEM);
    process.stdout.write(`cleared ${cleared} login delay${cleared === 1 ? "" : "s"}${keys ? ` for ${keys[0]}` : ""}\n`);
  } finally {
    await ds.destroy();
  }
  return 0;
}
