import { expect } from "chai";
import { readFileSync, readdirSync, statSync } from "node:fs";
import { join } from "node:path";
import { projectRoot } from "../../../src/config";
import { catalogKeys } from "../../../src/http/i18n";

// The catalogs as the app merges them (deep, per capability file): a test that
// merged them shallowly once let one file's namespace hide another's.
const keys = (locale: "zh-CN" | "en"): string[] => catalogKeys(locale);

function viewFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((n) =>
    statSync(join(dir, n)).isDirectory() ? viewFiles(join(dir, n)) : n.endsWith(".ejs") ? [join(dir, n)] : [],
  );
}

describe("i18n catalogs", () => {
  it("When a key exists in zh-CN, then it exists in English too, and the other way round", () => {
    const zh = new Set(keys("zh-CN"));
    const en = new Set(keys("en"));
    expect([...zh].filter((k) => !en.has(k))).to.deep.equal([]);
    expect([...en].filter((k) => !zh.has(k))).to.deep.equal([]);
  });

  it("When a view calls t('literal.key'), then the key is in the catalog", () => {
    const zh = new Set(keys("zh-CN"));
    const missing: string[] = [];
    for (const file of viewFiles(join(projectRoot(), "views"))) {
      for (const m of readFileSync(file, "utf8").matchAll(/\bt\('([a-zA-Z0-9_.-]+)'\s*[,)]/g)) {
        // A plural is called by its stem: i18next picks `_one` / `_other` by the count.
        if (!zh.has(m[1]) && !zh.has(`${m[1]}_other`)) missing.push(`${file}: ${m[1]}`);
      }
    }
    expect(missing).to.deep.equal([]);
  });
});
