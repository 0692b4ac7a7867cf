// `kehou <command>`: each command lives beside its capability and is loaded
// lazily so `kehou allocate` never opens a database. Bad usage exits 2.
// `kehou seed` and `kehou demo` are the demo's own entry point (seeds/cli.ts):
// bin/kehou.js hands them there, and src/ never imports seeds/.
type Command = (argv: string[]) => Promise<number>;

const commands: Record<string, () => Promise<Command>> = {
  allocate: async () => (await import("./allocation/cli")).runAllocateCommand,
  propose: async () => (await import("./proposer/cli")).runProposeCommand,
  migrate: async () => (await import("./cli")).migrateCommand,
  "create-admin": async () => (await import("./cli")).createAdminCommand,
  backup: async () => (await import("./cli")).backupCommand,
  "setup-token": async () => (await import("./setup/cli")).setupTokenCommand,
  throttle: async () => (await import("./accounts/throttle-command")).throttleCommand,
  ical: async () => (await import("./feeds/ical-command")).icalCommand,
  outbox: async () => (await import("./notifications/cli")).outboxCommand,
};

/** Handed to the demo's entry point by bin/kehou.js. */
export const DEMO_COMMANDS = ["seed", "demo"];

function isUsageError(err: unknown): boolean {
  return (
    err instanceof Error &&
    (err.constructor.name === "UsageError" || (err as { code?: string }).code?.startsWith("ERR_PARSE_ARGS") === true)
  );
}

async function main(): Promise<number> {
  const [name, ...rest] = process.argv.slice(2);
  const load = name ? commands[name] : undefined;
  if (!load) {
    process.stderr.write(`usage: kehou <${[...Object.keys(commands), ...DEMO_COMMANDS].join("|")}> [options]\n`);
    return 2;
  }
  return (await load())(rest);
}

main().then(
  (code) => {
    process.exitCode = code;
  },
  (err) => {
    process.stderr.write(`kehou: ${err instanceof Error ? err.message : String(err)}\n`);
    process.exitCode = isUsageError(err) ? 2 : 1;
  },
);
