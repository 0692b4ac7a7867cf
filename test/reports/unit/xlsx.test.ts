import { expect } from "chai";
import ExcelJS from "exceljs";
import { rate } from "../../../src/reports/core/rate";
import { studentParticipation } from "../../../src/reports/core/student-participation";
import { participationTable } from "../../../src/reports/core/tables";
import { Table } from "../../../src/reports/core/table";
import { sheetName, toXlsx } from "../../../src/reports/xlsx";

// 1A: 2 of 3 children in the service; 1B: none of 2; 3A: no children.
const figures = studentParticipation({
  classes: [
    { id: "1A", grade: 1, name: "一(1)班" },
    { id: "1B", grade: 1, name: "一(2)班" },
    { id: "3A", grade: 3, name: "三(1)班" },
  ],
  students: [
    { id: "a", classId: "1A", grade: 1 },
    { id: "b", classId: "1A", grade: 1 },
    { id: "c", classId: "1A", grade: 1 },
    { id: "d", classId: "1B", grade: 1 },
    { id: "e", classId: "1B", grade: 1 },
  ],
  enrollments: [
    { studentId: "a", days: [1], from: "2026-09-01" },
    { studentId: "b", days: [2], from: "2026-09-01" },
  ],
  weeks: [{ weekStart: "2026-09-07", schoolDays: ["2026-09-07", "2026-09-08"] }],
});
const participation = participationTable(figures.term!, {
  title: "学生参与率",
  headers: { name: "班级", grade: "年级", count: "参加人数", total: "学生人数", rate: "参与率" },
  gradeName: (g) => `${g}年级`,
  schoolName: "全校",
});
const notes: Table = {
  title: "备注: [草稿]?",
  columns: [
    { key: "text", header: "内容" },
    { key: "flag", header: "标记" },
  ],
  rows: [
    { text: "=1+1", flag: true },
    { text: "<b>加粗</b>", flag: false },
  ],
};

async function load(buffer: Buffer): Promise<ExcelJS.Workbook> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(buffer as unknown as ArrayBuffer);
  return workbook;
}

describe("toXlsx", () => {
  let workbook: ExcelJS.Workbook;
  before(async () => {
    workbook = await load(await toXlsx([participation, notes]));
  });

  it("When two tables are exported, then there is one sheet per table named after its title", () => {
    expect(workbook.worksheets.map((s) => s.name)).to.deep.equal(["学生参与率", "备注   草稿"]); // ":", " " and "[" each leave a space
  });

  it("When a sheet is read back, then the header row is bold and carries the caller's headers", () => {
    const header = workbook.worksheets[0].getRow(1);
    expect(header.values).to.deep.equal([undefined, "班级", "年级", "参加人数", "学生人数", "参与率"]);
    expect(header.getCell(1).font?.bold).to.equal(true);
  });

  it("When figures are read back, then counts are numbers and rates are numbers with a percent format equal to the figures", () => {
    const sheet = workbook.worksheets[0];
    // rows 2–4 classes (2/3, 0/2, 0/0), 5–6 grades (2/5, 0/0), 7 school (2/5)
    const read = [2, 3, 4, 5, 6, 7].map((r) => [3, 4, 5].map((c) => sheet.getRow(r).getCell(c).value));
    expect(read).to.deep.equal([
      [2, 3, 2 / 3],
      [0, 2, 0],
      [0, 0, null],
      [2, 5, 0.4],
      [0, 0, null],
      [2, 5, 0.4],
    ]);
    expect(read[0][2]).to.equal(figures.term!.byClass[0].rate.value);
    expect(sheet.getRow(2).getCell(4).value).to.equal(figures.term!.byClass[0].rate.denominator);
    expect(sheet.getRow(2).getCell(5).numFmt).to.equal("0.0%");
    expect(sheet.getRow(7).getCell(1).value).to.equal("全校");
  });

  it("When text looks like a formula, then it is stored as text, never as a formula; booleans stay booleans", () => {
    const sheet = workbook.worksheets[1];
    expect(sheet.getRow(2).getCell(1).value).to.equal("=1+1");
    expect(sheet.getRow(2).getCell(1).type).to.equal(ExcelJS.ValueType.String);
    expect(sheet.getRow(2).getCell(2).value).to.equal(true);
    expect(sheet.getRow(3).getCell(1).value).to.equal("<b>加粗</b>");
  });

  it("When two decimals are asked for, then rates get the 0.00% format", async () => {
    const wb = await load(
      await toXlsx([{ title: "t", columns: [{ key: "r", header: "r" }], rows: [{ r: rate(1, 3) }] }], {
        percentDecimals: 2,
      }),
    );
    expect(wb.worksheets[0].getRow(2).getCell(1).numFmt).to.equal("0.00%");
    expect(wb.worksheets[0].getRow(2).getCell(1).value).to.equal(1 / 3);
  });
});

describe("sheetName", () => {
  it("When titles repeat, are too long or use forbidden characters, then names are cleaned, cut to 31 and numbered", () => {
    const taken = new Set<string>();
    expect(sheetName("a/b", taken)).to.equal("a b");
    expect(sheetName("A/B", taken)).to.equal("A B (2)");
    expect(sheetName("x".repeat(40), taken)).to.have.length(31);
    expect(sheetName("''", taken)).to.equal("Sheet");
  });
});
