import { expect } from "chai";
import { nextQuestionNumber, toSurveyQuestion } from "../../../src/surveys/core/questions";

describe("survey questions", () => {
  it("When a satisfaction question is stored as the 2nd, then it is q2 with options q2o1.. and the satisfied ones flagged", () => {
    const q = toSurveyQuestion(
      {
        kind: "single",
        text: "满意吗？",
        options: ["满意", "基本满意", "不满意"],
        satisfaction: true,
        satisfied: ["满意", "基本满意"],
      },
      2,
    );
    expect(q).to.deep.equal({
      id: "q2",
      kind: "single",
      text: "满意吗？",
      satisfaction: true,
      options: [
        { id: "q2o1", label: "满意", satisfied: true },
        { id: "q2o2", label: "基本满意", satisfied: true },
        { id: "q2o3", label: "不满意" },
      ],
    });
  });

  it("When a rating is stored, then each option carries its score; a text question has no options", () => {
    const rating = toSurveyQuestion(
      { kind: "rating", text: "打分", options: ["1", "5"], satisfaction: false, satisfied: [] },
      1,
    );
    expect(rating.options).to.deep.equal([
      { id: "q1o1", label: "1", value: 1 },
      { id: "q1o2", label: "5", value: 5 },
    ]);
    expect(
      toSurveyQuestion({ kind: "text", text: "建议", options: [], satisfaction: false, satisfied: [] }, 3),
    ).to.deep.equal({ id: "q3", kind: "text", text: "建议" });
  });

  it("When q2 was removed from q1, q3, then the next question is q4 (an id is not given again); with none it is q1", () => {
    const q = (id: string) => ({ id, kind: "text" as const, text: id });
    expect(nextQuestionNumber([q("q1"), q("q3")])).to.equal(4);
    expect(nextQuestionNumber([])).to.equal(1);
  });
});
