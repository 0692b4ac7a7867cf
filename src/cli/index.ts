// The `kehou` command's shared parts: the usage error every command throws
// (exit 2), the one way a command's failure becomes its exit code, and the
// database commands (migrate, create-admin, backup). The dispatcher is
// src/kehou.ts; each other command lives in its capability.
// The database commands load on first call: `kehou allocate` and `kehou
// propose` import this file for runCommand and never touch a database, so
// they should not load TypeORM and the school's services to start.
export { UsageError } from "./usage-error";
export { exitCodeOf, runCommand, type CommandTail } from "./exit-code";

type Command = (argv: string[]) => Promise<number>;

export const migrateCommand: Command = async (argv) => (await import("./db-commands")).migrateCommand(argv);
export const createAdminCommand: Command = async (argv) => (await import("./db-commands")).createAdminCommand(argv);
export const backupCommand: Command = async (argv) => (await import("./db-commands")).backupCommand(argv);
