import { expect } from "chai";
import { parse } from "csv-parse/sync";
import { rankProfile } from "../../../src/reports/core/club-report";
import { toCsv } from "../../../src/reports/core/csv";
import { rate } from "../../../src/reports/core/rate";
import { surveyResults } from "../../../src/surveys/core/survey-results";
import {
  complianceTable,
  rankProfileTable,
  surveyTable,
  surveyTextTable,
  weeklySummaryTable,
} from "../../../src/reports/core/tables";
import { WeeklySummary } from "../../../src/reports/core/weekly-summary";

describe("table builders", () => {
  it("When a rank profile is tabled, then each choice has its count and share, and pins appear only when there are any", () => {
    const t = rankProfileTable(rankProfile(5, [3, 1]), {
      title: "志愿",
      headers: { choice: "志愿", count: "人数", share: "占比" },
      rankLabels: ["第一志愿"],
      unrankedLabel: "指定",
    });
    expect(t.rows.map((r) => [r.choice, r.count])).to.deep.equal([
      ["第一志愿", 3],
      ["#2", 1],
      ["指定", 1],
    ]);
    expect(
      rankProfileTable(rankProfile(2, [2]), {
        ...t,
        headers: { choice: "", count: "", share: "" },
        rankLabels: [],
        unrankedLabel: "指定",
      }).rows,
    ).to.have.length(1);
  });

  it("When survey free text is tabled, then there is no respondent column and CSV neutralises a formula answer", () => {
    const results = surveyResults({
      questions: [
        { id: "t", kind: "text", text: "建议" },
        {
          id: "q",
          kind: "single",
          text: "满意吗",
          satisfaction: true,
          options: [
            { id: "a", label: "满意", satisfied: true },
            { id: "b", label: "不满意" },
          ],
        },
      ],
      replies: [{ answers: { t: "=cmd|' /C calc'!A0", q: "a" } }, { answers: { t: "多开设体育社团", q: "b" } }],
    });
    const text = surveyTextTable(results, { title: "建议", headers: { question: "问题", answer: "回答" } });
    expect(text.columns.map((c) => c.key)).to.deep.equal(["question", "answer"]);
    const rows: string[][] = parse(toCsv(text), { bom: true });
    expect(rows.slice(1).map((r) => r[1])).to.have.members(["'=cmd|' /C calc'!A0", "多开设体育社团"]);
    const choice = surveyTable(results, {
      title: "满意度",
      headers: { question: "问题", option: "选项", count: "人数", share: "占比" },
      satisfactionLabel: "满意率",
    });
    // 满意 1/2, 不满意 1/2, then the satisfaction line 1/2
    expect(choice.rows.map((r) => [r.option, r.count])).to.deep.equal([
      ["满意", 1],
      ["不满意", 1],
      ["满意率", 1],
    ]);
  });

  it("When compliance is tabled, then each grade and the school get days met, days and the rate", () => {
    const t = complianceTable(
      {
        days: 5,
        checks: [
          {
            key: "sport",
            school: rate(7, 10),
            byGrade: [
              { grade: 1, met: rate(3, 5), failedDates: [] },
              { grade: 2, met: rate(4, 5), failedDates: [] },
            ],
          },
        ],
      },
      {
        title: "合规",
        headers: { check: "规则", grade: "年级", count: "达标天数", total: "天数", rate: "达标率" },
        checkName: () => "体育一小时",
        gradeName: (g) => `${g}年级`,
        schoolName: "全校",
      },
    );
    expect(t.rows.map((r) => [r.grade, r.count, r.total])).to.deep.equal([
      ["1年级", 3, 5],
      ["2年级", 4, 5],
      ["全校", 7, 10],
    ]);
  });

  it("When a weekly summary lacks a figure, then its row is left out rather than shown as zero", () => {
    const summary: WeeklySummary = {
      weekStart: "2026-09-21",
      planned: false,
      schoolDays: ["2026-09-21"],
      students: { school: rate(2, 4), byGrade: [], byClass: [] },
      teachers: { rate: rate(1, 2), externals: [] },
      compliance: null,
      survey: null,
      clubs: null,
    };
    const t = weeklySummaryTable(summary, {
      title: "周报",
      headers: { figure: "指标", count: "人数", total: "总数", rate: "比例" },
      labels: {
        students: "学生参与率",
        teachers: "教师参与率",
        satisfaction: "满意率",
        clubFill: "社团满员率",
        clubAttendance: "出勤率",
      },
      checkName: (k) => k,
    });
    expect(t.rows.map((r) => [r.figure, r.count, r.total])).to.deep.equal([
      ["学生参与率", 2, 4],
      ["教师参与率", 1, 2],
    ]);
  });
});
