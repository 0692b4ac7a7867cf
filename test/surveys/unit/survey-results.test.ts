import { expect } from "chai";
import {
  ChoiceQuestionResult,
  surveyResults,
  SurveyInput,
  TextQuestionResult,
} from "../../../src/surveys/core/survey-results";

const questions: SurveyInput["questions"] = [
  {
    id: "q1",
    kind: "single",
    text: "您对课后服务是否满意？",
    satisfaction: true,
    options: [
      { id: "a", label: "满意", satisfied: true },
      { id: "b", label: "基本满意", satisfied: true },
      { id: "c", label: "不满意" },
    ],
  },
  { id: "q2", kind: "rating", text: "孩子喜欢社团吗？" },
  { id: "q3", kind: "text", text: "您的建议" },
];

// Replies carry who sent them, as the database does; the results must not.
const replies = [
  { respondent: "F001", studentId: "S001", answers: { q1: "a", q2: 5, q3: "很好" } },
  { respondent: "F002", studentId: "S002", answers: { q1: "a", q2: 4, q3: "  " } },
  { respondent: "F003", studentId: "S003", answers: { q1: "b", q2: "3", q3: "希望增加足球" } },
  { respondent: "F004", studentId: "S004", answers: { q1: "c", q2: null, q3: "<b>作业太多</b>" } },
  { respondent: "F005", studentId: "S005", answers: { q1: "zzz", q2: 9 } },
  { respondent: "F006", studentId: "S006", answers: { q1: "a", q2: 5 } },
];

describe("surveyResults", () => {
  const results = surveyResults({ questions, replies });
  const q1 = results.questions[0] as ChoiceQuestionResult;
  const q2 = results.questions[1] as ChoiceQuestionResult;
  const q3 = results.questions[2] as TextQuestionResult;

  it("When 6 replies answer q1 and one names no option, then 5 are counted: 满意 3, 基本满意 1, 不满意 1", () => {
    expect(results.replies).to.equal(6);
    expect(q1).to.include({ answered: 5, skipped: 0, invalid: 1 });
    expect(q1.options.map((o) => [o.label, o.count, `${o.share.numerator}/${o.share.denominator}`])).to.deep.equal([
      ["满意", 3, "3/5"],
      ["基本满意", 1, "1/5"],
      ["不满意", 1, "1/5"],
    ]);
  });

  it("When 3 are 满意 and 1 基本满意 of 5, then satisfaction is (3 + 1)/5 = 4/5", () => {
    expect(q1.satisfaction).to.deep.equal({ numerator: 4, denominator: 5, value: 0.8 });
    expect(results.satisfaction).to.deep.equal({ numerator: 4, denominator: 5, value: 0.8 });
  });

  it("When a rating has no options, then 1–5 are used; a blank is skipped, a 9 invalid, and the mean is (5+4+3+5)/4 = 17/4", () => {
    expect(q2).to.include({ answered: 4, skipped: 1, invalid: 1 });
    expect(q2.options.map((o) => o.count)).to.deep.equal([0, 0, 1, 1, 2]);
    expect(q2.mean).to.deep.equal({ numerator: 17, denominator: 4, value: 4.25 });
    expect(q2.satisfaction).to.equal(null);
  });

  it("When families write free text, then the answers are listed sorted, trimmed, blanks dropped, with no identity", () => {
    expect(q3.answered).to.equal(3);
    expect(q3.answers).to.have.members(["很好", "希望增加足球", "<b>作业太多</b>"]);
    expect(q3.answers).to.deep.equal([...q3.answers].sort());
    const json = JSON.stringify(results);
    for (const secret of ["F001", "S001", "F004", "respondent", "studentId"]) expect(json).to.not.include(secret);
  });

  it("When a survey has zero replies, then counts are 0 and every share and the satisfaction rate are null", () => {
    const empty = surveyResults({ questions, replies: [] });
    const e1 = empty.questions[0] as ChoiceQuestionResult;
    expect(empty.replies).to.equal(0);
    expect(e1.options.map((o) => [o.count, o.share.value])).to.deep.equal([
      [0, null],
      [0, null],
      [0, null],
    ]);
    expect(e1.satisfaction!.value).to.equal(null);
    expect(empty.satisfaction!.value).to.equal(null);
    expect((empty.questions[1] as ChoiceQuestionResult).mean!.value).to.equal(null);
    expect((empty.questions[2] as TextQuestionResult).answers).to.deep.equal([]);
  });

  it("When a labelled rating is flagged, then its satisfied options count: 非常满意 2 + 满意 1 of 4 = 3/4", () => {
    const labelled = surveyResults({
      questions: [
        {
          id: "r",
          kind: "rating",
          text: "总体评价",
          satisfaction: true,
          options: [
            { id: "1", label: "很不满意", value: 1 },
            { id: "2", label: "不满意", value: 2 },
            { id: "3", label: "一般", value: 3 },
            { id: "4", label: "满意", value: 4, satisfied: true },
            { id: "5", label: "非常满意", value: 5, satisfied: true },
          ],
        },
      ],
      replies: [{ answers: { r: 5 } }, { answers: { r: 5 } }, { answers: { r: 4 } }, { answers: { r: 1 } }],
    });
    const r = labelled.questions[0] as ChoiceQuestionResult;
    expect(r.satisfaction).to.deep.equal({ numerator: 3, denominator: 4, value: 0.75 });
    expect(r.mean!.numerator).to.equal(15); // 5 + 5 + 4 + 1
  });

  it("When a flagged question marks no option satisfied, then it gives no satisfaction rate", () => {
    const r = surveyResults({
      questions: [{ ...questions[0], options: questions[0].options!.map((o) => ({ id: o.id, label: o.label })) }],
      replies,
    });
    expect((r.questions[0] as ChoiceQuestionResult).satisfaction).to.equal(null);
    expect(r.satisfaction).to.equal(null);
  });

  it("When 936 families reply and 928 are (basically) satisfied, then the rate is 928/936, shown as 99.1%", () => {
    const many = [
      ...Array.from({ length: 850 }, () => ({ answers: { q1: "a" } })),
      ...Array.from({ length: 78 }, () => ({ answers: { q1: "b" } })),
      ...Array.from({ length: 8 }, () => ({ answers: { q1: "c" } })),
    ];
    const r = surveyResults({ questions: [questions[0]], replies: many });
    expect(`${r.satisfaction!.numerator}/${r.satisfaction!.denominator}`).to.equal("928/936"); // 850 + 78 = 928
  });

  it("When a single-choice question has no options, then it throws naming the question", () => {
    expect(() => surveyResults({ questions: [{ id: "bad", kind: "single", text: "?" }], replies })).to.throw(
      RangeError,
      "questions.bad.options",
    );
  });
});
