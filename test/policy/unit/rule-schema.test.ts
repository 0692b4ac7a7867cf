import { expect } from "chai";
import { readFileSync } from "node:fs";
import { basename, join } from "node:path";
import { defaultRulesDir, loadRules, parseRule, RuleFileError } from "../../../src/policy";
import { tempRulesDir } from "../../fixtures/policy/temp-rules";

/** A shipped rule file as JSON, typed as far as these tests reach into it (the parser under test checks the rest). */
interface RuleJson {
  id: unknown;
  severity: unknown;
  appliesTo: unknown;
  paramaters?: unknown;
  message: Record<string, unknown>;
  parameters: Record<string, unknown>;
  conditions: { all: Record<string, unknown>[] };
}

const shipped = (id: string) => JSON.parse(readFileSync(join(defaultRulesDir(), `${id}.json`), "utf8")) as RuleJson;

function errorOf(fn: () => unknown): RuleFileError {
  try {
    fn();
  } catch (err) {
    expect(err).to.be.instanceOf(RuleFileError);
    return err as RuleFileError;
  }
  throw new Error("expected a RuleFileError");
}

describe("rule files: schema", () => {
  it("When the shipped rules/ folder is loaded, then all twelve rules validate", () => {
    expect(loadRules().map((r) => r.id)).to.deep.equal([
      "child-service-5-plus-2",
      "child-sport-hour",
      "club-min-size",
      "daily-sport-hour",
      "external-vetting",
      "homework-limit",
      "homework-on-campus",
      "no-lesson-in-service",
      "service-5-plus-2",
      "staff-weekly-load",
      "unenrolled-sport-hour",
      "venue-capacity",
    ]);
  });

  it('When daily-sport-hour\'s minutes is the text "60", then the error reads rules/daily-sport-hour.json: parameters.minutes: expected number', () => {
    const rule = shipped("daily-sport-hour");
    rule.parameters.minutes = "60";
    const err = errorOf(() => parseRule(rule, "rules/daily-sport-hour.json"));
    expect(err.message).to.equal("rules/daily-sport-hour.json: parameters.minutes: expected number, received string");
    expect(err.field).to.equal("parameters.minutes");
  });

  // [what is broken, the change, the field the message must name]
  const cases: [string, (r: RuleJson) => void, string, string][] = [
    ["severity is not error or warning", (r) => (r.severity = "fatal"), "severity", "expected one of"],
    ["the English message is missing", (r) => delete r.message.en, "message.en", "required"],
    ["appliesTo names no fact kind", (r) => (r.appliesTo = "gradeDays"), "appliesTo", "expected one of"],
    ["a top-level field is misspelt", (r) => (r.paramaters = {}), "paramaters", "unknown field"],
    ["the id differs from the file name", (r) => (r.id = "sport-hour"), "id", "must equal the file name"],
    [
      "a condition reads an unknown fact",
      (r) => (r.conditions.all[0].fact = "sportMinute"),
      "conditions.all[0].fact",
      'unknown fact "sportMinute"',
    ],
    [
      "a condition uses an unknown operator",
      (r) => (r.conditions.all[0].operator = "below"),
      "conditions.all[0].operator",
      'unknown operator "below"',
    ],
    ["a condition has no value", (r) => delete r.conditions.all[0].value, "conditions.all[0].value", "required"],
    [
      "a condition reads a parameter the file lacks",
      (r) => (r.parameters = {}),
      "parameters.minutes",
      "required by the conditions",
    ],
    [
      "a message uses an unknown placeholder",
      (r) => (r.message.en = "Grade {grade}: {sportMinutez}"),
      "message.en",
      "unknown placeholder {sportMinutez}",
    ],
    [
      "the top level is a bare condition",
      (r) => Object.assign(r, { conditions: r.conditions.all[0] }),
      "conditions",
      "top level must be all, any or not",
    ],
    [
      "a numeric comparison is given text",
      (r) => (r.conditions.all[0].value = "sixty"),
      "conditions.all[0].value",
      "expected number",
    ],
  ];
  for (const [what, change, field, says] of cases) {
    it(`When ${what}, then the error names the file and ${field}`, () => {
      const rule = shipped("daily-sport-hour");
      change(rule);
      const err = errorOf(() => parseRule(rule, "rules/daily-sport-hour.json"));
      expect(err.issues.map((i) => i.field)).to.include(field);
      expect(err.message).to.contain(`rules/daily-sport-hour.json: ${field}: `).and.contain(says);
    });
  }

  it('When service-5-plus-2\'s earliestEnd is "5:30pm", then the error names parameters.earliestEnd and the HH:MM format', () => {
    const rule = shipped("service-5-plus-2");
    rule.parameters.earliestEnd = "5:30pm";
    const err = errorOf(() => parseRule(rule, "rules/service-5-plus-2.json"));
    expect(err.message).to.contain('rules/service-5-plus-2.json: parameters.earliestEnd: expected a time "HH:MM"');
  });

  it("When a grade band of homework-limit gives text instead of minutes, then the error names that case's value", () => {
    const rule = shipped("homework-limit");
    (rule.parameters.maxWrittenMinutes as { cases: Record<string, unknown>[] }).cases[1].value = "30";
    const err = errorOf(() => parseRule(rule, "rules/homework-limit.json"));
    expect(err.field).to.equal("parameters.maxWrittenMinutes.cases[1].value");
  });

  it("When a file in a rules folder is not valid JSON, then loading fails naming that file", () => {
    const tmp = tempRulesDir(true);
    try {
      tmp.write("daily-sport-hour.json", '{ "id": "daily-sport-hour", ');
      const err = errorOf(() => loadRules(tmp.dir));
      expect(err.message).to.match(
        new RegExp(`^${basename(tmp.dir)}/daily-sport-hour\\.json: \\(file\\): not valid JSON`),
      );
    } finally {
      tmp.remove();
    }
  });

  it("When one file in a folder of good rules is malformed, then loading the folder throws for that file", () => {
    const tmp = tempRulesDir(true);
    try {
      const rule = shipped("staff-weekly-load");
      rule.parameters.maxStaffSessionsPerWeek = "ten";
      tmp.write("staff-weekly-load.json", rule);
      const err = errorOf(() => loadRules(tmp.dir));
      expect(err.file).to.equal(`${basename(tmp.dir)}/staff-weekly-load.json`);
      expect(err.field).to.equal("parameters.maxStaffSessionsPerWeek");
    } finally {
      tmp.remove();
    }
  });
});
