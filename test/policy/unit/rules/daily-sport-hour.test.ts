import { expect } from "chai";
import { smallSchool } from "../../../fixtures/policy/small-school";
import { violationsOf } from "../../../fixtures/policy/run-rule";

describe("rule daily-sport-hour", () => {
  it("When 大课间 (30 min) and the service's sport session (60 min) add up to 90 minutes, then no day is reported", async () => {
    expect(await violationsOf(smallSchool(), "daily-sport-hour")).to.deep.equal([]);
  });

  it("When Friday's sport session becomes an activity, then only Friday is reported with 30 of 60 minutes", async () => {
    const input = smallSchool();
    input.entries.find((e) => e.id === "sp-5")!.kind = "activity";
    const found = await violationsOf(input, "daily-sport-hour");
    expect(found.map((v) => v.target)).to.deep.equal([{ kind: "grade-day", grade: 3, date: "2026-09-11", weekday: 5 }]);
    expect(found[0].values.sportMinutes).to.equal(30);
    expect(found[0].message.en).to.contain("= 30 min, short of 60 min");
  });

  it("When PE 29 + 大课间 30 leave a day one minute short, then it is reported, and at PE 30 it passes", async () => {
    const input = smallSchool();
    input.entries = input.entries.filter((e) => e.id !== "sp-1");
    input.dailySport[0].peMinutes = 29;
    expect(await violationsOf(input, "daily-sport-hour")).to.have.length(1);
    input.dailySport[0].peMinutes = 30;
    expect(await violationsOf(input, "daily-sport-hour")).to.deep.equal([]);
  });
});
