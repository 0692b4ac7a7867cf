// `kehou <command>`: each command lives beside its capability and is loaded
// lazily so `kehou allocate` never opens a database. Bad usage exits 2.
type Command = (argv: string[]) => Promise<number>;

const commands: Record<string, () => Promise<Command>> = {
  allocate: async () => (await import("./assignment/allocate-command")).runAllocateCommand,
  migrate: async () => (await import("./commands/db-commands")).migrateCommand,
  seed: async () => (await import("./commands/db-commands")).seedCommand,
  "create-admin": async () => (await import("./commands/db-commands")).createAdminCommand,
  backup: async () => (await import("./commands/db-commands")).backupCommand,
  demo: async () => (await import("./setup/setup-commands")).demoCommand,
  "setup-token": async () => (await import("./setup/setup-commands")).setupTokenCommand,
  throttle: async () => (await import("./accounts/throttle-command")).throttleCommand,
  ical: async () => (await import("./calendar/web/ical-command")).icalCommand,
};

function isUsageError(err: unknown): boolean {
  return err instanceof Error && (err.constructor.name === "UsageError" || (err as { code?: string }).code?.startsWith("ERR_PARSE_ARGS") === true);
}

async function main(): Promise<number> {
  const [name, ...rest] = process.argv.slice(2);
  const load = name ? commands[name] : undefined;
  if (!load) {
    process.stderr.write(`usage: kehou <${Object.keys(commands).join("|")}> [options]\n`);
    return 2;
  }
  return (await load())(rest);
}

main().then(
  (code) => { process.exitCode = code; },
  (err) => {
    process.stderr.write(`kehou: ${err instanceof Error ? err.message : String(err)}\n`);
    process.exitCode = isUsageError(err) ? 2 : 1;
  },
);
