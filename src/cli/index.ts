// The `kehou` command's shared parts: the usage error every command throws
// (exit 2) and the database commands (migrate, create-admin, backup). The
// dispatcher is src/kehou.ts; each other command lives in its capability.
export { UsageError } from "./usage-error";
export { migrateCommand, createAdminCommand, backupCommand } from "./db-commands";
