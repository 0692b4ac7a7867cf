// The rule files as the running app uses them: loaded once at start-up (a broken
// file stops start-up), then shared by every page. A new rules/*.json file is
// picked up at the next start with no code change.
import type { RuleDefinition } from "./core";
import { loadRules } from "./rule-files";

let rulesDir: string | undefined;
let loaded: RuleDefinition[] | undefined;

/**
 * Loads and validates every rule file; throws an Error whose message names the
 * file and the field (e.g. "rules/daily-sport-hour.json: severity: …").
 * src/server.ts calls this before listening so a malformed rule never reaches a request.
 */
export function assertRulesLoad(dir: string | undefined = rulesDir): RuleDefinition[] {
  try {
    loaded = loadRules(dir);
  } catch (err) {
    throw new Error(`policy rules could not be loaded:\n${err instanceof Error ? err.message : String(err)}`, {
      cause: err,
    });
  }
  return loaded;
}

/** The loaded rules (loads them on first use when start-up did not). */
export function policyRules(): RuleDefinition[] {
  return loaded ?? assertRulesLoad();
}

/** Points the app at another rules folder (tests, or a school's own folder); reloads on next use. */
export function useRulesDir(dir: string | undefined): void {
  rulesDir = dir;
  loaded = undefined;
}
