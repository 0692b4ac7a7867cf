import { expect } from "chai";
import { checkHomeworkDay, type HomeworkDraft } from "../../../src/policy";
import { smallSchool } from "../../fixtures/policy/small-school";

const draft = (over: Partial<HomeworkDraft>): HomeworkDraft => ({
  classId: "c3a",
  grade: 3,
  date: "2026-09-08",
  subject: "英语",
  tier: "basic",
  written: true,
  minutes: 5,
  ...over,
});

describe("checkHomeworkDay (the homework form's warning)", () => {
  it("When a draft keeps the class within its limit, then there is nothing to warn about", async () => {
    expect(await checkHomeworkDay(smallSchool(), draft({ date: "2026-09-09", minutes: 30 }))).to.deep.equal([]);
  });

  it("When a draft brings a grade-3 class from 30 to 35 written minutes, then the form gets the homework-limit violation for that class-date", async () => {
    const found = await checkHomeworkDay(smallSchool(), draft({ minutes: 5 }));
    expect(found.map((v) => [v.ruleId, v.target])).to.deep.equal([
      ["homework-limit", { kind: "class-date", classId: "c3a", grade: 3, date: "2026-09-08" }],
    ]);
    expect(found[0].values.writtenMinutes).to.equal(35);
  });

  it("When a draft is longer than the day's homework session, then homework-on-campus is among the warnings", async () => {
    const input = smallSchool();
    input.periods[0].end = "16:10"; // 30 min of homework help
    const found = await checkHomeworkDay(input, draft({ date: "2026-09-09", minutes: 31 }));
    expect(found.map((v) => v.ruleId).sort()).to.deep.equal(["homework-limit", "homework-on-campus"]);
  });

  it("When the draft edits an existing entry, then it replaces it rather than adding to it", async () => {
    const found = await checkHomeworkDay(smallSchool(), draft({ id: "h1", subject: "数学", minutes: 20 }));
    expect(found).to.deep.equal([]);
  });

  it("When another class or another date is already over its limit, then the draft's check does not mention it", async () => {
    const input = smallSchool();
    input.homework.push({
      id: "old",
      classId: "c3a",
      grade: 3,
      date: "2026-09-10",
      subject: "数学",
      tier: "basic",
      written: true,
      minutes: 50,
    });
    expect(await checkHomeworkDay(input, draft({ date: "2026-09-09", minutes: 10 }))).to.deep.equal([]);
  });
});
