// Reads rules/*.json: one rule per file, each validated, so a new rule needs no code change.
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { basename, dirname, join, relative, resolve, sep } from "node:path";
import { parseRule, RuleFileError, type RuleDefinition } from "./core/rule-schema";

// Compiled code runs from dist/, so find the project by its package.json rather than by __dirname.
export function projectRoot(from: string = __dirname): string {
  let dir = resolve(from);
  for (;;) {
    if (existsSync(join(dir, "package.json"))) return dir;
    const parent = dirname(dir);
    if (parent === dir) throw new Error(`no package.json above ${from}`);
    dir = parent;
  }
}

export function defaultRulesDir(): string {
  return join(projectRoot(), "rules");
}

// Messages say "rules/daily-sport-hour.json" for the project's rules and "<dir>/<file>" elsewhere.
function displayName(dir: string, file: string): string {
  const full = resolve(dir, file);
  let root: string | undefined;
  try {
    root = projectRoot();
  } catch {
    root = undefined;
  }
  const rel = root ? relative(root, full) : "";
  if (root && rel && !rel.startsWith("..") && !rel.startsWith(sep)) return rel.split(sep).join("/");
  return `${basename(resolve(dir))}/${file}`;
}

/** Loads and validates every *.json rule in `dir` (default: the project's rules/), sorted by file name. */
export function loadRules(dir: string = defaultRulesDir()): RuleDefinition[] {
  if (!existsSync(dir)) throw new Error(`rules directory not found: ${dir}`);
  const files = readdirSync(dir)
    .filter((f) => f.endsWith(".json"))
    .sort();
  return files.map((file) => loadRuleFile(join(dir, file), displayName(dir, file)));
}

export function loadRuleFile(path: string, name: string = basename(path)): RuleDefinition {
  let json: unknown;
  try {
    json = JSON.parse(readFileSync(path, "utf8"));
  } catch (err) {
    throw new RuleFileError(name, [{ field: "(file)", message: `not valid JSON: ${(err as Error).message}` }]);
  }
  return parseRule(json, name);
}
