// `kehou <command>`: each command lives beside its capability and is loaded
// lazily so `kehou allocate` never opens a database.
const commands: Record<string, () => Promise<(argv: string[]) => Promise<number>>> = {
  allocate: async () => (await import("./assignment/allocate-command")).runAllocateCommand,
};

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
  (err) => { process.stderr.write(`${err instanceof Error ? err.message : String(err)}\n`); process.exitCode = 1; },
);
