import { expect } from "chai";
import { smallSchool } from "../../../fixtures/policy/small-school";
import { violationsOf } from "../../../fixtures/policy/run-rule";

describe("rule service-5-plus-2", () => {
  it("When the service runs 15:40–17:50 on all five weekdays, then no violation is reported", async () => {
    expect(await violationsOf(smallSchool(), "service-5-plus-2")).to.deep.equal([]);
  });

  it("When the service lasts 119 minutes (15:31–17:30), then every weekday is reported; at 120 minutes it passes", async () => {
    const input = smallSchool();
    input.periods[0].start = "15:31";
    input.periods[1].end = "17:30";
    const found = await violationsOf(input, "service-5-plus-2");
    expect(found.map((v) => v.target.weekday)).to.deep.equal([1, 2, 3, 4, 5]);
    expect(found[0].values.serviceMinutes).to.equal(119);
    input.periods[0].start = "15:30";
    expect(await violationsOf(input, "service-5-plus-2")).to.deep.equal([]);
  });

  it("When the service ends at 17:29, before parents finish work, then it is reported", async () => {
    const input = smallSchool();
    input.periods[0].start = "15:20";
    input.periods[1].end = "17:29";
    const found = await violationsOf(input, "service-5-plus-2");
    expect(found).to.have.length(5);
    expect(found[0].message.en).to.contain("15:20–17:29").and.contain("between 17:30 and 18:30");
  });

  it("When the service ends at 18:31, then it is reported; at 18:30 it passes", async () => {
    const input = smallSchool();
    input.periods[1].end = "18:31";
    expect(await violationsOf(input, "service-5-plus-2")).to.have.length(5);
    input.periods[1].end = "18:30";
    expect(await violationsOf(input, "service-5-plus-2")).to.deep.equal([]);
  });

  it("When there is no service on Friday, then Friday alone is reported as the missing fifth day", async () => {
    const input = smallSchool();
    input.entries = input.entries.filter((e) => e.weekday !== 5);
    const found = await violationsOf(input, "service-5-plus-2");
    expect(found.map((v) => v.target)).to.deep.equal([{ kind: "grade-day", grade: 3, weekday: 5 }]);
    expect(found[0].message["zh-CN"]).to.contain("周五").and.contain("本周 4 天");
  });
});
