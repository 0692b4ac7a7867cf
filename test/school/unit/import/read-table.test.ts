import { expect } from "chai";
import ExcelJS from "exceljs";
import iconv from "iconv-lite";
import { ImportFileError, readTable } from "../../../../src/school/import";
import * as build from "../../../fixtures/import/builders";

describe("readTable (CSV)", () => {
  it("When a GB18030 students CSV is read, then the Chinese names and leading zeros come through as text", async () => {
    const table = await readTable(build.gb18030StudentsCsv(), "学生.csv");
    expect(table.headers).to.deep.equal(build.studentHeaderZh);
    expect(table.rows.map((r) => [r.line, r.cells["学号"], r.cells["姓名"]])).to.deep.equal([
      [2, "0012", "张小明"],
      [3, "0013", "张小红"],
      [4, "0101", "王䶮"],
      [5, "0102", "欧阳娜娜"],
    ]);
  });

  it("When the same sheet is saved as UTF-8 with BOM or as Unicode text, then the table is the same", async () => {
    const gb = await readTable(build.gb18030StudentsCsv(), "a.csv");
    expect(await readTable(build.utf8BomStudentsCsv(), "a.csv")).to.deep.equal(gb);
    expect(await readTable(build.utf16StudentsTsv(), "a.txt")).to.deep.equal(gb);
  });

  it("When there are blank rows in the middle and at the end, then they are skipped and later rows keep their row numbers", async () => {
    const table = await readTable(Buffer.from("学号,姓名\n0001,甲\n,\n\n0002,乙\n\n,,\n"), "a.csv");
    expect(table.rows.map((r) => r.line)).to.deep.equal([2, 5]);
  });

  it("When a quoted cell spans two lines, then the next record is still the next spreadsheet row", async () => {
    const table = await readTable(Buffer.from('名称,简介\n合唱,"唱歌\n跳舞"\n棋类,下棋\n'), "a.csv");
    expect(table.rows.map((r) => [r.line, r.cells["名称"]])).to.deep.equal([
      [2, "合唱"],
      [3, "棋类"],
    ]);
  });

  it('When an id is written as ="0012" to keep Excel from dropping zeros, then the text 0012 is read', async () => {
    const table = await readTable(Buffer.from('学号\n="0012"\n'), "a.csv");
    expect(table.rows[0].cells["学号"]).to.equal("0012");
  });

  it("When two columns share a header, then both are kept under distinct names", async () => {
    const table = await readTable(Buffer.from("姓名,姓名\n甲,乙\n"), "a.csv");
    expect(table.headers).to.deep.equal(["姓名", "姓名 (2)"]);
  });

  it("When the file is an old binary .xls, then it is refused with unsupported-file", async () => {
    const ole = Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);
    const error = await readTable(ole, "学生.xls").catch((e: unknown) => e);
    expect(error).to.be.instanceOf(ImportFileError);
    expect((error as ImportFileError).toImportError()).to.deep.equal({
      line: 0,
      field: "",
      code: "unsupported-file",
      params: { extension: "xls" },
    });
  });

  it("When the file is empty, then the table has no headers and no rows", async () => {
    expect(await readTable(Buffer.alloc(0), "a.csv")).to.deep.equal({ headers: [], rows: [] });
  });

  it("When a GB18030 file is semicolon separated, then the separator is detected", async () => {
    const table = await readTable(iconv.encode("学号;姓名\n0012;张三\n", "gb18030"), "a.csv");
    expect(table.rows[0].cells).to.deep.equal({ 学号: "0012", 姓名: "张三" });
  });
});

describe("readTable (XLSX)", () => {
  it("When ids are stored as text, then leading zeros and the 19-digit 学籍号 survive exactly", async () => {
    const table = await readTable(await build.studentsXlsx(), "students.xlsx");
    expect(table.rows.map((r) => [r.line, r.cells["学籍号"]])).to.deep.equal([
      [2, "0012"],
      [3, "2010010112345678901"],
      [4, "000000000000000123"],
    ]);
    expect(table.rows[0].cells.Family).to.equal("007");
    expect(table.imprecise).to.equal(undefined);
  });

  it("When a phone number is a numeric cell, then it is printed in full, never as 1.38e10", async () => {
    const table = await readTable(await build.studentsXlsx(), "students.xlsx");
    expect(table.rows[0].cells.Phone).to.equal("13800138000");
  });

  it("When an id is a number formatted 000000, then its zeros are restored; when a number is too large to be exact, it is flagged", async () => {
    const table = await readTable(await build.numericIdsXlsx(), "ids.xlsx");
    expect(table.rows[0].cells["学号"]).to.equal("000012");
    expect(table.rows[1].cells["学号"]).to.not.include("e");
    expect(table.imprecise).to.deep.equal([{ line: 3, header: "学号" }]);
  });

  it("When a date cell and a formula cell are read, then they become YYYY-MM-DD and the formula's result", async () => {
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet("s");
    sheet.addRow(["审查日期", "最多"]);
    sheet.addRow([new Date(Date.UTC(2026, 7, 20)), { formula: "20+10", result: 30 }]);
    const table = await readTable(Buffer.from(await workbook.xlsx.writeBuffer()), "staff.xlsx");
    expect(table.rows[0].cells).to.deep.equal({ 审查日期: "2026-08-20", 最多: "30" });
  });

  it("When the sheet has empty rows at the end and a gap in the middle, then rows keep their sheet row numbers", async () => {
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet("s");
    sheet.getRow(1).values = ["学号"];
    sheet.getRow(2).values = ["0001"];
    sheet.getRow(4).values = ["0002"];
    sheet.getRow(9).values = [""];
    const table = await readTable(Buffer.from(await workbook.xlsx.writeBuffer()), "a.xlsx");
    expect(table.rows.map((r) => [r.line, r.cells["学号"]])).to.deep.equal([
      [2, "0001"],
      [4, "0002"],
    ]);
  });
});
