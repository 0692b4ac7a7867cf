// `kehou allocate --input FILE [--mechanism optimal|lottery] [--seed N]`
// stdout carries only the result JSON (scripts pipe it); everything for humans
// — the solver path, timings, errors — goes to stderr. Exit codes: 0 success,
// 2 bad input or bad flags (the message names the field), 1 anything else.

import { readFileSync } from "node:fs";
import { allocate, InstanceError, parseInstance, type Mechanism } from "./core";
import { runCommand, UsageError } from "../cli";

const USAGE = "usage: kehou allocate --input FILE [--mechanism optimal|lottery] [--seed N]";

interface Flags {
  input: string;
  mechanism: Mechanism;
  seed?: number;
}

export function runAllocateCommand(argv: string[]): Promise<number> {
  return runCommand({ command: "allocate", usage: USAGE, inputErrors: [InstanceError] }, async () => {
    const flags = parseFlags(argv);
    const started = performance.now();
    const text = readInput(flags.input);
    const readMs = performance.now() - started;
    let json: unknown;
    try {
      json = JSON.parse(text);
    } catch (err) {
      throw new InstanceError("--input", `${flags.input} is not valid JSON (${(err as Error).message})`);
    }
    const instance = parseInstance(json);
    const parsedAt = performance.now();
    const { result, diagnostics } = await allocate(instance, { mechanism: flags.mechanism, seed: flags.seed });
    const out = JSON.stringify(result) + "\n";
    const serializeMs = performance.now() - parsedAt - diagnostics.timings.totalMs;
    process.stdout.write(out);
    Object.assign(diagnostics.timings, {
      readMs: round(readMs),
      parseMs: round(parsedAt - started - readMs),
      serializeMs: round(serializeMs),
      wallMs: round(performance.now() - started),
    });
    process.stderr.write(
      `kehou allocate: ${diagnostics.path} path, ${diagnostics.timings.wallMs} ms; diagnostics ${JSON.stringify(diagnostics)}\n`,
    );
    return 0;
  });
}

function parseFlags(argv: string[]): Flags {
  let input: string | undefined;
  let mechanism: Mechanism = "optimal";
  let seed: number | undefined;
  for (let i = 0; i < argv.length; i++) {
    const [name, inline] =
      argv[i].startsWith("--") && argv[i].includes("=")
        ? [argv[i].slice(0, argv[i].indexOf("=")), argv[i].slice(argv[i].indexOf("=") + 1)]
        : [argv[i], undefined];
    const value = (): string => {
      const v = inline ?? argv[++i];
      if (v === undefined || (inline === undefined && v.startsWith("--")))
        throw new UsageError(`${name}: missing value`);
      return v;
    };
    switch (name) {
      case "--input":
        input = value();
        break;
      case "--mechanism": {
        const v = value();
        if (v !== "optimal" && v !== "lottery")
          throw new UsageError(`--mechanism: expected "optimal" or "lottery", got ${JSON.stringify(v)}`);
        mechanism = v;
        break;
      }
      case "--seed": {
        const v = value();
        const n = Number(v);
        if (!/^\d+$/.test(v) || !Number.isSafeInteger(n))
          throw new UsageError(`--seed: expected a non-negative integer, got ${JSON.stringify(v)}`);
        seed = n;
        break;
      }
      default:
        throw new UsageError(`unknown flag ${JSON.stringify(argv[i])}`);
    }
  }
  if (input === undefined) throw new UsageError("--input: required");
  return { input, mechanism, seed };
}

function readInput(path: string): string {
  try {
    return readFileSync(path, "utf8");
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code ?? "error";
    throw new InstanceError("--input", `cannot read ${JSON.stringify(path)} (${code})`);
  }
}

function round(ms: number): number {
  return Math.round(ms * 10) / 10;
}
