// `kehou propose --input FILE [--seed N] [--time-limit S] [--budget N]`
// stdout carries only the result JSON; progress, diagnostics and a time limit
// that stopped the search go to stderr. Exit codes: 0 success, 2 bad input or
// bad flags (the message names the field), 1 anything else. No database.

import { readFileSync } from "node:fs";
import { InstanceError } from "../allocation/core";
import { DEFAULT_BUDGET, parseProposalInstance, propose } from "./core";
import { runCommand, UsageError } from "../cli";

const USAGE = "usage: kehou propose --input FILE [--seed N] [--time-limit S] [--budget N]";

interface Flags {
  input: string;
  seed?: number;
  timeLimit?: number;
  budget: number;
}

export function runProposeCommand(argv: string[]): Promise<number> {
  return runCommand({ command: "propose", usage: USAGE, inputErrors: [InstanceError] }, async () => {
    const flags = parseFlags(argv);
    const instance = parseProposalInstance(readJson(flags.input));
    let reported = 0;
    const { result, diagnostics } = await propose(instance, {
      seed: flags.seed,
      budget: flags.budget,
      timeLimit: flags.timeLimit,
      onProgress: ({ evaluations, budget, best }) => {
        // A line per tenth of the budget: enough to watch, little to scroll.
        if (evaluations * 10 < (reported + 1) * budget) return;
        reported = Math.floor((evaluations * 10) / budget);
        process.stderr.write(`kehou propose: ${evaluations}/${budget} evaluations, best ${JSON.stringify(best)}\n`);
      },
    });
    process.stdout.write(JSON.stringify(result) + "\n");
    if (result.stoppedEarly)
      process.stderr.write(
        `kehou propose: the time limit of ${flags.timeLimit} s stopped the search after ${diagnostics.evaluations} of ${flags.budget} evaluations; the best proposal so far is printed\n`,
      );
    process.stderr.write(`kehou propose: ${diagnostics.totalMs} ms; diagnostics ${JSON.stringify(diagnostics)}\n`);
    return 0;
  });
}

function parseFlags(argv: string[]): Flags {
  const flags: Partial<Flags> = { budget: DEFAULT_BUDGET };
  for (let i = 0; i < argv.length; i++) {
    const eq = argv[i].startsWith("--") ? argv[i].indexOf("=") : -1;
    const name = eq > 0 ? argv[i].slice(0, eq) : argv[i];
    const inline = eq > 0 ? argv[i].slice(eq + 1) : undefined;
    const value = (): string => {
      const v = inline ?? argv[++i];
      if (v === undefined || (inline === undefined && v.startsWith("--")))
        throw new UsageError(`${name}: missing value`);
      return v;
    };
    switch (name) {
      case "--input":
        flags.input = value();
        break;
      case "--seed":
        flags.seed = integer(name, value(), 0);
        break;
      case "--budget":
        flags.budget = integer(name, value(), 1);
        break;
      case "--time-limit": {
        const v = value();
        const n = Number(v);
        if (!/^\d+(\.\d+)?$/.test(v) || !(n > 0))
          throw new UsageError(`--time-limit: expected seconds above 0, got ${JSON.stringify(v)}`);
        flags.timeLimit = n;
        break;
      }
      default:
        throw new UsageError(`unknown flag ${JSON.stringify(argv[i])}`);
    }
  }
  if (flags.input === undefined) throw new UsageError("--input: required");
  return flags as Flags;
}

function integer(name: string, v: string, min: number): number {
  const n = Number(v);
  if (!/^\d+$/.test(v) || !Number.isSafeInteger(n) || n < min)
    throw new UsageError(`${name}: expected an integer of at least ${min}, got ${JSON.stringify(v)}`);
  return n;
}

function readJson(path: string): unknown {
  let text: string;
  try {
    text = readFileSync(path, "utf8");
  } catch (err) {
    throw new InstanceError(
      "--input",
      `cannot read ${JSON.stringify(path)} (${(err as NodeJS.ErrnoException).code ?? "error"})`,
    );
  }
  try {
    return JSON.parse(text);
  } catch (err) {
    throw new InstanceError("--input", `${path} is not valid JSON (${(err as Error).message})`);
  }
}
