import { expect } from "chai";
import { readFileSync, readdirSync, statSync } from "node:fs";
import { join } from "node:path";
import { projectRoot } from "../../../src/config";

function keys(obj: Record<string, unknown>, prefix = ""): string[] {
  return Object.entries(obj).flatMap(([k, v]) =>
    typeof v === "object" && v !== null ? keys(v as Record<string, unknown>, `${prefix}${k}.`) : [`${prefix}${k}`],
  );
}
const load = (l: string): Record<string, unknown> =>
  Object.fromEntries(
    readdirSync(join(projectRoot(), "locales", l)).flatMap((f) =>
      Object.entries(JSON.parse(readFileSync(join(projectRoot(), "locales", l, f), "utf8")) as Record<string, unknown>),
    ),
  );

function viewFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((n) =>
    statSync(join(dir, n)).isDirectory() ? viewFiles(join(dir, n)) : n.endsWith(".ejs") ? [join(dir, n)] : [],
  );
}

describe("i18n catalogs", () => {
  it("When a key exists in zh-CN, then it exists in English too, and the other way round", () => {
    const zh = new Set(keys(load("zh-CN")));
    const en = new Set(keys(load("en")));
    expect([...zh].filter((k) => !en.has(k))).to.deep.equal([]);
    expect([...en].filter((k) => !zh.has(k))).to.deep.equal([]);
  });

  it("When a view calls t('literal.key'), then the key is in the catalog", () => {
    const zh = new Set(keys(load("zh-CN")));
    const missing: string[] = [];
    for (const file of viewFiles(join(projectRoot(), "views"))) {
      for (const m of readFileSync(file, "utf8").matchAll(/\bt\('([a-zA-Z0-9_.-]+)'\s*[,)]/g)) {
        // A plural key is defined as key_one / key_other (i18next picks one by count).
        if (!zh.has(m[1]) && !zh.has(`${m[1]}_other`)) missing.push(`${file}: ${m[1]}`);
      }
    }
    expect(missing).to.deep.equal([]);
  });
});
