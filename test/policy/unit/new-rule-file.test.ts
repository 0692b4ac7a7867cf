import { expect } from "chai";
import { evaluatePolicy, loadRules } from "../../../src/policy";
import { smallSchool } from "../../fixtures/policy/small-school";
import { tempRulesDir } from "../../fixtures/policy/temp-rules";

// A school's own rule, added as a JSON file only: extension (拓展) homework above 20 minutes.
const extensionCap = {
  id: "extension-homework-cap",
  title: { "zh-CN": "拓展作业时长", en: "Extension homework length" },
  severity: "warning",
  appliesTo: "homework",
  parameters: { maxExtensionMinutes: 20 },
  conditions: {
    all: [
      { fact: "tier", operator: "equal", value: "extension" },
      { fact: "minutes", operator: "greaterThan", value: { fact: "parameters", path: "$.maxExtensionMinutes" } },
    ],
  },
  event: { type: "extension-homework-cap" },
  message: {
    "zh-CN": "{className} {date} {subject}{tierName}作业 {minutes} 分钟，超过 {maxExtensionMinutes} 分钟。",
    en: "{className} {date}: {tierName} {subject} homework of {minutes} min is above {maxExtensionMinutes} min.",
  },
};

describe("a new rule added as a JSON file", () => {
  it("When a rule file for extension homework above 20 minutes is dropped into the rules folder, then it is loaded and fires on a 25-minute entry only", async () => {
    const tmp = tempRulesDir(true);
    try {
      tmp.write("extension-homework-cap.json", extensionCap);
      const rules = loadRules(tmp.dir);
      expect(rules.map((r) => r.id)).to.include("extension-homework-cap");

      const input = smallSchool();
      input.homework.push(
        {
          id: "ext-25",
          classId: "c3a",
          grade: 3,
          date: "2026-09-10",
          subject: "数学",
          tier: "extension",
          written: false,
          minutes: 25,
        },
        {
          id: "ext-20",
          classId: "c3a",
          grade: 3,
          date: "2026-09-10",
          subject: "语文",
          tier: "extension",
          written: false,
          minutes: 20,
        },
        {
          id: "basic-25",
          classId: "c3a",
          grade: 3,
          date: "2026-09-10",
          subject: "英语",
          tier: "basic",
          written: false,
          minutes: 25,
        },
      );
      const found = await evaluatePolicy(input, { rulesDir: tmp.dir });
      expect(found.map((v) => [v.ruleId, v.target.homeworkId])).to.deep.equal([["extension-homework-cap", "ext-25"]]);
      expect(found[0].message["zh-CN"]).to.equal("三(1)班 2026-09-10 数学拓展作业 25 分钟，超过 20 分钟。");
      expect(found[0].message.en).to.equal("三(1)班 2026-09-10: extension 数学 homework of 25 min is above 20 min.");
    } finally {
      tmp.remove();
    }
  });

  it("When the school's settings lower the new rule's parameter, then the override applies with no code change", async () => {
    const tmp = tempRulesDir();
    try {
      tmp.write("extension-homework-cap.json", extensionCap);
      const input = smallSchool();
      input.settings = { rules: { "extension-homework-cap": { parameters: { maxExtensionMinutes: 15 } } } };
      input.homework.push({
        id: "ext-20",
        classId: "c3a",
        grade: 3,
        date: "2026-09-10",
        subject: "语文",
        tier: "extension",
        written: false,
        minutes: 20,
      });
      const found = await evaluatePolicy(input, { rulesDir: tmp.dir });
      expect(found.map((v) => v.params)).to.deep.equal([{ maxExtensionMinutes: 15 }]);
    } finally {
      tmp.remove();
    }
  });
});
