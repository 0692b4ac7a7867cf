// The walls of the house (docs/architecture.md), checked on every import:
//   1. nothing in src/ imports seeds/ (the demo is its own entry point, seeds/cli.ts);
//   2. a capability's core/ is pure: it imports only its own core/, the kernel's
//      core/ and another capability's pure face (its core/index.ts), and no package
//      that does I/O (HTTP, database, files, processes);
//   3. capabilities reach each other only through <capability>/index.ts (or the
//      pure <capability>/core/index.ts);
//   4. only a capability's store (store.ts, store/, *-store.ts) and src/db call the
//      repository API (getRepository, createQueryBuilder, query, em.find(Entity…)…).
// Rules 3 and 4 apply to the capabilities listed as shaped (option `shaped`, or
// "*" for every folder under src/).
import { existsSync, statSync } from "node:fs";
import { dirname, resolve, relative, sep } from "node:path";

const IO_PACKAGES =
  /^(node:)?(fs|fs\/promises|child_process|net|http|https|http2|worker_threads|cluster|dgram)$|^(express|express-session|typeorm|pg|better-sqlite3|ejs|pino|argon2|nodemailer|supertest|reflect-metadata|multer|busboy|exceljs)(\/|$)/;
const ENTITY_CALLS = new Set([
  "find",
  "findBy",
  "findOne",
  "findOneBy",
  "findOneOrFail",
  "findOneByOrFail",
  "findAndCount",
  "findAndCountBy",
  "count",
  "countBy",
  "exists",
  "existsBy",
  "save",
  "insert",
  "update",
  "upsert",
  "delete",
  "remove",
  "softDelete",
  "increment",
  "decrement",
  "sum",
  "maximum",
  "minimum",
]);
const QUERY_CALLS = new Set(["getRepository", "createQueryBuilder", "getTreeRepository", "query"]);

function fileOf(base) {
  for (const c of [`${base}.ts`, `${base}/index.ts`, base]) if (existsSync(c) && statSync(c).isFile()) return c;
  return null;
}

// "src/<capability>/…" → { cap, rest } (rest: path inside the capability), or null outside src/.
function place(root, file) {
  const rel = relative(root, file).split(sep);
  if (rel[0] !== "src") return { top: rel[0], cap: null, rest: [] };
  if (rel.length === 2) return { top: "src", cap: "(app)", rest: [rel[1]] };
  return { top: "src", cap: rel[1], rest: rel.slice(2) };
}

const isCore = (p) => p.rest[0] === "core";
const isStore = (p) =>
  p.cap === "db" ||
  p.rest.some((part) => part === "store" || part === "store.ts" || /-store\.ts$/.test(part) || part === "migrations");
const isPublicEntry = (p) => p.rest.join("/") === "index.ts" || p.rest.join("/") === "core/index.ts";

const walls = {
  meta: {
    type: "problem",
    schema: [{ type: "object", properties: { shaped: {} }, additionalProperties: false }],
    messages: {
      seeds: "src/ never imports seeds/: the demo is seeded by its own entry point (seeds/cli.ts).",
      impureCore:
        "{{cap}}/core is pure: it imports only its own core/, kernel/core and other capabilities' core/index.ts, not {{what}}.",
      throughIndex: "Reach {{target}} through its index.ts (or core/index.ts), not {{what}}.",
      repository:
        "Only a store (store.ts, store/, *-store.ts) touches the database: move this {{call}} call into {{cap}}'s store.",
    },
  },
  create(context) {
    const root = context.cwd;
    const me = place(root, context.filename);
    if (me.top !== "src") return {};
    const shapedOpt = context.options[0]?.shaped ?? [];
    const shaped = shapedOpt === "*" || (Array.isArray(shapedOpt) && shapedOpt.includes(me.cap));
    function check(node, spec) {
      if (typeof spec !== "string") return;
      if (!spec.startsWith(".")) {
        if (isCore(me) && IO_PACKAGES.test(spec))
          context.report({ node, messageId: "impureCore", data: { cap: me.cap, what: spec } });
        return;
      }
      const target = fileOf(resolve(dirname(context.filename), spec));
      if (!target) return;
      const there = place(root, target);
      if (there.top === "seeds") return context.report({ node, messageId: "seeds" });
      if (there.top !== "src") return;
      if (isCore(me)) {
        const ownCore = there.cap === me.cap && isCore(there);
        const kernelCore = there.cap === "kernel" && isCore(there);
        const otherCore = there.cap !== me.cap && there.rest.join("/") === "core/index.ts";
        if (!ownCore && !kernelCore && !otherCore)
          return context.report({ node, messageId: "impureCore", data: { cap: me.cap, what: spec } });
      }
      if (shaped && me.cap !== "(app)" && there.cap !== me.cap && there.cap !== "(app)" && !isPublicEntry(there)) {
        context.report({ node, messageId: "throughIndex", data: { target: there.cap, what: spec } });
      }
    }
    return {
      ImportDeclaration: (n) => check(n, n.source.value),
      ExportNamedDeclaration: (n) => n.source && check(n, n.source.value),
      ExportAllDeclaration: (n) => check(n, n.source.value),
      ImportExpression: (n) => n.source.type === "Literal" && check(n, n.source.value),
      CallExpression(n) {
        if (n.callee.type === "Identifier" && n.callee.name === "require" && n.arguments[0]?.type === "Literal")
          check(n, n.arguments[0].value);
        if (!shaped || isStore(me) || n.callee.type !== "MemberExpression" || n.callee.property.type !== "Identifier")
          return;
        const name = n.callee.property.name;
        const first = n.arguments[0];
        const entityCall =
          ENTITY_CALLS.has(name) &&
          first?.type === "Identifier" &&
          /^[A-Z]/.test(first.name) &&
          !(n.callee.object.type === "Identifier" && /^[A-Z]/.test(n.callee.object.name));
        const queryCall =
          QUERY_CALLS.has(name) &&
          !(n.callee.object.type === "MemberExpression" && n.callee.object.property?.name === "query");
        if (entityCall || queryCall)
          context.report({ node: n, messageId: "repository", data: { call: name, cap: me.cap } });
      },
    };
  },
};

export default { rules: { walls } };
