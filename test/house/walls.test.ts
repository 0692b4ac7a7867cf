// The walls of the house (docs/architecture.md) are lint rules, and each one
// refuses a deliberate crossing: ESLint runs the project's own config over a
// probe file placed where the crossing would be.
import { expect } from "chai";
import { ESLint } from "eslint";
import tseslint from "typescript-eslint";
import { join } from "node:path";
import { projectRoot } from "../../src/config";

// The probes are not files on disk, so the type checker has no program for them:
// the type-aware rules are switched off for them (typescript-eslint's own preset);
// the walls need no types.
const eslint = new ESLint({ cwd: projectRoot(), overrideConfig: tseslint.configs.disableTypeChecked });

async function walls(file: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath: join(projectRoot(), file) });
  return result.messages.filter((m) => m.ruleId === "house/walls" && m.severity === 2).map((m) => m.message);
}

describe("the house's walls (lint)", function () {
  this.timeout(60_000);

  it("When a core/ file imports typeorm, then lint fails: a core is pure", async () => {
    const found = await walls(
      "src/policy/core/wall-probe.ts",
      `import { DataSource } from "typeorm";\nexport const probe = DataSource;\n`,
    );
    expect(found).to.have.length(1);
    expect(found[0]).to.include("policy/core is pure");
  });

  it("When a core/ file imports its own capability's store, then lint fails", async () => {
    const found = await walls(
      "src/policy/core/wall-probe.ts",
      `import { loadPolicySettings } from "../store/settings";\nexport const probe = loadPolicySettings;\n`,
    );
    expect(found).to.have.length(1);
    expect(found[0]).to.include("pure");
  });

  it("When a capability imports a file inside another one, then lint fails: capabilities meet at index.ts", async () => {
    const found = await walls(
      "src/choices/wall-probe.ts",
      `import * as store from "../clubs/store";\nexport const probe = store;\n`,
    );
    expect(found).to.have.length(1);
    expect(found[0]).to.include("Reach clubs through its index.ts");
  });

  it("When src/ imports the demo seeds, then lint fails", async () => {
    const found = await walls(
      "src/choices/wall-probe.ts",
      `import * as demo from "../../seeds/demo";\nexport const probe = demo;\n`,
    );
    expect(found.some((m) => m.includes("never imports seeds"))).to.equal(true);
  });

  it("When a route calls the repository API, then lint fails: only a store touches the database", async () => {
    const code = `import type { DataSource } from "typeorm";\nclass Club {}\nexport const probe = (ds: DataSource) => ds.getRepository(Club).find();\n`;
    const found = await walls("src/clubs/wall-probe-routes.ts", code);
    expect(found).to.have.length(1);
    expect(found[0]).to.include("Only a store");
    expect(await walls("src/clubs/store/wall-probe.ts", code)).to.deep.equal([]);
  });

  it("When a capability asks another through its index and the kernel, then lint is quiet", async () => {
    const code = `import { clubsOn } from "../membership";\nimport { schoolToday } from "../kernel";\nimport { isoWeekday } from "../kernel/core";\nexport const probe = [clubsOn, schoolToday, isoWeekday];\n`;
    expect(await walls("src/choices/wall-probe.ts", code)).to.deep.equal([]);
  });
});
