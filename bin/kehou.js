#!/usr/bin/env node
// The `kehou` command; the TypeScript is compiled by `npm install` (prepare).
require("../dist/src/cli.js");
