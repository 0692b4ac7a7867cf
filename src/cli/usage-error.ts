// A command's bad usage: `kehou` prints the message and exits 2.
export class UsageError extends Error {}
