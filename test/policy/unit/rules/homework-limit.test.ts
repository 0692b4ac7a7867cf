import { expect } from "chai";
import type { HomeworkEntry } from "../../../../src/policy";
import { smallSchool } from "../../../fixtures/policy/small-school";
import { violationsOf } from "../../../fixtures/policy/run-rule";

const hw = (over: Partial<HomeworkEntry>): HomeworkEntry => ({
  id: "x", classId: "c3a", grade: 3, date: "2026-09-09", subject: "数学", tier: "basic", written: true, minutes: 10, ...over,
});

describe("rule homework-limit", () => {
  it("When a grade-3 class has exactly 30 minutes of written homework, then no violation is reported", async () => {
    expect(await violationsOf(smallSchool(), "homework-limit")).to.deep.equal([]);
  });

  it("When a grade-3 class has 31 minutes of written homework, then its class-date is reported with the 30-minute limit", async () => {
    const input = smallSchool();
    input.homework.push(hw({ id: "h3", date: "2026-09-08", minutes: 1 }));
    const found = await violationsOf(input, "homework-limit");
    expect(found).to.have.length(1);
    expect(found[0].target).to.deep.equal({ kind: "class-date", classId: "c3a", grade: 3, date: "2026-09-08" });
    expect(found[0].params).to.deep.equal({ maxWrittenMinutes: 30 });
    expect(found[0].message["zh-CN"]).to.contain("31").and.contain("30");
  });

  it("When a grade-1 class has 5 minutes of written homework, then it is reported, but 10 minutes of reading aloud is not", async () => {
    const input = smallSchool();
    input.grades = [1, 3];
    input.classes.push({ id: "c1a", grade: 1, name: "一(1)班" });
    input.homework.push(hw({ id: "h4", classId: "c1a", grade: 1, minutes: 10, written: false }));
    expect(await violationsOf(input, "homework-limit")).to.deep.equal([]);
    input.homework.push(hw({ id: "h5", classId: "c1a", grade: 1, minutes: 5 }));
    const found = await violationsOf(input, "homework-limit");
    expect(found.map((v) => [v.target.classId, v.params.maxWrittenMinutes])).to.deep.equal([["c1a", 0]]);
  });

  it("When a grade-5 class has 60 minutes, then it passes, and at 61 minutes it is reported", async () => {
    const input = smallSchool();
    input.classes.push({ id: "c5a", grade: 5, name: "五(1)班" });
    input.homework.push(hw({ id: "h6", classId: "c5a", grade: 5, minutes: 60 }));
    expect(await violationsOf(input, "homework-limit")).to.deep.equal([]);
    input.homework.push(hw({ id: "h7", classId: "c5a", grade: 5, minutes: 1, subject: "英语" }));
    expect((await violationsOf(input, "homework-limit")).map((v) => v.values.writtenMinutes)).to.deep.equal([61]);
  });
});
