#!/usr/bin/env node
// Figures of the house (issue 19), from the source text of src/:
//   files calling the repository API outside a store, copies of the form kit,
//   and imports between capability folders that run both ways (cycles).
// Usage: node scripts/house-figures.mjs [checkout]   (default: the current folder)
import { readdirSync, readFileSync, existsSync, statSync } from "node:fs";
import { join, relative, resolve, dirname, sep } from "node:path";

const root = resolve(process.argv[2] ?? ".");
const src = join(root, "src");
const files = [];
(function walk(dir) {
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    const p = join(dir, e.name);
    if (e.isDirectory()) walk(p);
    else if (p.endsWith(".ts")) files.push(p);
  }
})(src);

const capOf = (file) => {
  const r = relative(src, file).split(sep);
  return r.length > 1 ? r[0] : "(app)";
};
const isStore = (file) => {
  const r = relative(src, file).split(sep);
  return r[0] === "db" || r.some((p) => p === "store" || p === "store.ts" || /-store\.ts$/.test(p));
};
const REPO_CALL =
  /\.(getRepository|createQueryBuilder|getTreeRepository|query)\(|\.(find|findBy|findOne|findOneBy|findOneOrFail|findAndCount|count|countBy|exists|existsBy|save|insert|update|upsert|delete|remove|increment|decrement)\(\s*[A-Z]\w*\s*[,)]/;
const resolveImport = (from, spec) => {
  const base = resolve(dirname(from), spec);
  for (const c of [`${base}.ts`, join(base, "index.ts")]) if (existsSync(c) && statSync(c).isFile()) return c;
  return null;
};

let repoFiles = 0,
  repoOutsideStore = 0,
  idParamDefs = 0,
  idPatterns = 0,
  errorConverters = 0,
  fieldErrorClasses = 0;
const edges = new Map();
for (const f of files) {
  const text = readFileSync(f, "utf8");
  if (REPO_CALL.test(text)) {
    repoFiles++;
    if (!isStore(f)) repoOutsideStore++;
  }
  idParamDefs += (text.match(/(function|const)\s+idParam\b/g) ?? []).length;
  idPatterns += (text.match(/\\d\{1,9\}/g) ?? []).length;
  errorConverters += (text.match(/(function|const)\s+(formErrors|fieldErrors|zodErrors|toFieldErrors)\b/g) ?? [])
    .length;
  fieldErrorClasses += (
    text.match(
      /class\s+\w*(FormError|FieldError|ValidationFailure|PinFieldError|RoundFieldError|InvalidPreferenceError)\s+extends/g,
    ) ?? []
  ).length;
  for (const m of text.matchAll(/(?:from|import)\s*\(?\s*["'](\.[^"']+)["']/g)) {
    const target = resolveImport(f, m[1]);
    if (!target || !target.startsWith(src + sep)) continue;
    const a = capOf(f),
      b = capOf(target);
    if (a !== b && a !== "(app)" && b !== "(app)") (edges.get(a) ?? edges.set(a, new Set()).get(a)).add(b);
  }
}
const twoWay = [];
for (const [a, outs] of edges) for (const b of outs) if (a < b && edges.get(b)?.has(a)) twoWay.push(`${a}<->${b}`);
// Strongly connected groups of capability folders (Tarjan): a group of n > 1 is a cycle.
let index = 0;
const stack = [],
  onStack = new Set(),
  idx = new Map(),
  low = new Map(),
  groups = [];
const visit = (v) => {
  idx.set(v, index);
  low.set(v, index);
  index++;
  stack.push(v);
  onStack.add(v);
  for (const w of edges.get(v) ?? []) {
    if (!idx.has(w)) {
      visit(w);
      low.set(v, Math.min(low.get(v), low.get(w)));
    } else if (onStack.has(w)) low.set(v, Math.min(low.get(v), idx.get(w)));
  }
  if (low.get(v) === idx.get(v)) {
    const g = [];
    let w;
    do {
      w = stack.pop();
      onStack.delete(w);
      g.push(w);
    } while (w !== v);
    if (g.length > 1) groups.push(g.sort());
  }
};
for (const v of edges.keys()) if (!idx.has(v)) visit(v);

console.log(`source files in src/: ${files.length}`);
console.log(`files calling the repository API: ${repoFiles} (outside a store: ${repoOutsideStore})`);
console.log(
  `form kit copies: idParam definitions ${idParamDefs}, \\d{1,9} patterns ${idPatterns}, zod-to-field-error converters ${errorConverters}, field-error classes ${fieldErrorClasses}`,
);
console.log(
  `capability folders importing each other both ways: ${twoWay.length}${twoWay.length ? ` (${twoWay.join(", ")})` : ""}`,
);
console.log(
  `import cycles between capability folders: ${groups.length} group(s)${groups.map((g) => `\n  ${g.length} folders: ${g.join(" ")}`).join("")}`,
);
