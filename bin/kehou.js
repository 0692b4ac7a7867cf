#!/usr/bin/env node
// The `kehou` command; the TypeScript is compiled by `npm install` (prepare).
// `kehou seed …` and `kehou demo …` go to the demo school's own entry point
// (seeds/cli.ts), so the app (src/) never loads the demo; every other command
// goes to src/kehou.ts.
const [name] = process.argv.slice(2);
if (name === "seed" || name === "demo") {
  require("../dist/seeds/cli.js").runSeedsCli(process.argv.slice(2)).then((code) => { process.exitCode = code; });
} else {
  require("../dist/src/kehou.js");
}
