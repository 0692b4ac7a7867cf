import { expect } from "chai";
import { loadRules, parseThresholds, ruleOverride, thresholdFields } from "../../../src/policy";

const rule = (id: string) => loadRules().find((r) => r.id === id)!;

describe("rule thresholds form (core)", () => {
  it("lists a banded parameter as one field per band, with the file's default and the value in force", () => {
    const fields = thresholdFields(rule("homework-limit"), {
      rules: {
        "homework-limit": {
          parameters: {
            maxWrittenMinutes: {
              by: "grade",
              cases: [
                { in: [1, 2], value: 0 },
                { in: [3, 4], value: 20 },
                { in: [5, 6], value: 60 },
              ],
            },
          },
        },
      },
    });
    expect(fields.map((f) => [f.field, f.band, f.fileDefault, f.current])).to.deep.equal([
      ["maxWrittenMinutes.0", [1, 2], 0, 0],
      ["maxWrittenMinutes.1", [3, 4], 30, 20],
      ["maxWrittenMinutes.2", [5, 6], 60, 60],
    ]);
  });

  it("shows school-wide settings as the value in force, and leaves lists (rule logic) off the form", () => {
    const fields = thresholdFields(rule("service-5-plus-2"), { latestEnd: "19:00" });
    expect(fields.map((f) => [f.field, f.kind, f.current])).to.deep.equal([
      ["serviceDaysPerWeek", "number", 5],
      ["minServiceMinutes", "number", 120],
      ["earliestEnd", "clock", "17:30"],
      ["latestEnd", "clock", "19:00"],
    ]);
    expect(thresholdFields(rule("no-lesson-in-service"), {})).to.deep.equal([]);
  });

  it("names each bad field: empty, not a number, out of range, not a time, ends out of order", () => {
    const result = parseThresholds(
      rule("service-5-plus-2"),
      {},
      {
        serviceDaysPerWeek: "9",
        minServiceMinutes: "abc",
        earliestEnd: "18:00",
        latestEnd: "17:00",
      },
    );
    expect(result).to.have.property("errors");
    const errors = (result as { errors: Record<string, { key: string }> }).errors;
    expect(Object.fromEntries(Object.entries(errors).map(([k, v]) => [k, v.key]))).to.deep.equal({
      serviceDaysPerWeek: "policy.thresholds.outOfRange",
      minServiceMinutes: "policy.thresholds.badNumber",
      latestEnd: "policy.thresholds.endsOutOfOrder",
    });
    const empty = parseThresholds(rule("daily-sport-hour"), {}, { minutes: " " });
    expect(empty).to.deep.equal({ errors: { minutes: { key: "validation.required" } } });
    const clock = parseThresholds(
      rule("child-service-5-plus-2"),
      {},
      { minServiceMinutes: "120", earliestEnd: "25:00" },
    );
    expect((clock as { errors: Record<string, { key: string }> }).errors.earliestEnd.key).to.equal(
      "policy.thresholds.badClock",
    );
  });

  it("keeps only what differs from the defaults, so saving the defaults stores nothing", () => {
    const sport = rule("daily-sport-hour");
    const same = parseThresholds(sport, {}, { minutes: "60" });
    expect(ruleOverride(sport, {}, (same as { parameters: Record<string, never> }).parameters)).to.deep.equal({});
    const more = parseThresholds(sport, {}, { minutes: "75" });
    expect(ruleOverride(sport, {}, (more as { parameters: Record<string, never> }).parameters)).to.deep.equal({
      minutes: 75,
    });
    const homework = rule("homework-limit");
    const banded = parseThresholds(
      homework,
      {},
      {
        "maxWrittenMinutes.0": "0",
        "maxWrittenMinutes.1": "25",
        "maxWrittenMinutes.2": "60",
      },
    );
    const kept = ruleOverride(homework, {}, (banded as { parameters: Record<string, never> }).parameters);
    expect(kept).to.deep.equal({
      maxWrittenMinutes: {
        by: "grade",
        cases: [
          { in: [1, 2], value: 0 },
          { in: [3, 4], value: 25 },
          { in: [5, 6], value: 60 },
        ],
      },
    });
  });

  it("stores a value equal to the file default when a school-wide setting would otherwise change it", () => {
    const r = rule("service-5-plus-2");
    const parsed = parseThresholds(
      r,
      { latestEnd: "19:00" },
      {
        serviceDaysPerWeek: "5",
        minServiceMinutes: "120",
        earliestEnd: "17:30",
        latestEnd: "18:30",
      },
    );
    expect(
      ruleOverride(r, { latestEnd: "19:00" }, (parsed as { parameters: Record<string, never> }).parameters),
    ).to.deep.equal({
      latestEnd: "18:30",
    });
  });
});
