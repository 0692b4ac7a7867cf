import { expect } from "chai";
import { smallSchool } from "../../../fixtures/policy/small-school";
import { violationsOf } from "../../../fixtures/policy/run-rule";

describe("rule homework-on-campus", () => {
  it("When a class's written homework fits its 60-minute homework session, then no violation is reported", async () => {
    expect(await violationsOf(smallSchool(), "homework-on-campus")).to.deep.equal([]);
  });

  it("When the homework session is 29 minutes and the class was set 30, then that grade-day is reported with the class", async () => {
    const input = smallSchool();
    input.periods[0].end = "16:09"; // 15:40–16:09 = 29 min
    const found = await violationsOf(input, "homework-on-campus");
    expect(found).to.have.length(1);
    expect(found[0].severity).to.equal("error");
    expect(found[0].target).to.deep.equal({ kind: "grade-day", grade: 3, date: "2026-09-08", weekday: 2, classId: "c3a" });
    expect(found[0].message.en).to.contain("30 min").and.contain("29 min");
  });

  it("When the session is exactly as long as the homework (30 = 30), then no violation is reported", async () => {
    const input = smallSchool();
    input.periods[0].end = "16:10";
    expect(await violationsOf(input, "homework-on-campus")).to.deep.equal([]);
  });

  it("When a second class of the grade was set more than the session, then the violation names that class (max over classes)", async () => {
    const input = smallSchool();
    input.classes.push({ id: "c3b", grade: 3, name: "三(2)班" });
    input.periods[0].end = "16:20"; // 40 min
    input.homework.push({ id: "h3", classId: "c3b", grade: 3, date: "2026-09-08", subject: "数学", tier: "basic", written: true, minutes: 45 });
    const found = await violationsOf(input, "homework-on-campus");
    expect(found.map((v) => v.target.classId)).to.deep.equal(["c3b"]);
    expect(found[0].values.writtenHomeworkMinutes).to.equal(45);
  });
});
