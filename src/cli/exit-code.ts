// How a `kehou` command ends when it throws, the same for every command that
// scripts call: bad usage or bad input is the caller's to fix, so it exits 2
// with the message alone (it names the flag or the field: `--seed: …`,
// `students[3].choices[1]: …`), plus the usage line when the flags were wrong;
// anything else is ours, so it exits 1 with the stack for the bug report.
import { UsageError } from "./usage-error";

export interface CommandTail {
  /** The command's name as typed: `allocate` prints as `kehou allocate: …`. */
  command: string;
  /** The usage line printed after a bad-flags message. */
  usage: string;
  /** Error classes that mean bad input (each message names its field): exit 2 without the usage line. */
  inputErrors?: (abstract new (...args: never[]) => Error)[];
}

/** Writes what went wrong to stderr and returns the exit code (2 bad usage or input, 1 anything else). */
export function exitCodeOf(err: unknown, tail: CommandTail): number {
  const say = (text: string) => process.stderr.write(`kehou ${tail.command}: ${text}\n`);
  if (err instanceof UsageError) {
    say(`${err.message}\n${tail.usage}`);
    return 2;
  }
  if (tail.inputErrors?.some((type) => err instanceof type)) {
    say((err as Error).message);
    return 2;
  }
  say(`internal error: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}`);
  return 1;
}

/** Runs a command's body and turns whatever it throws into its exit code (see exitCodeOf). */
export async function runCommand(tail: CommandTail, body: () => Promise<number>): Promise<number> {
  try {
    return await body();
  } catch (err) {
    return exitCodeOf(err, tail);
  }
}
