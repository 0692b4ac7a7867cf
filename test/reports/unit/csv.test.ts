import { expect } from "chai";
import { parse } from "csv-parse/sync";
import { neutraliseFormula, toCsv } from "../../../src/reports/core/csv";
import { rate } from "../../../src/reports/core/rate";
import { Table } from "../../../src/reports/core/table";

const table: Table = {
  title: "学生参与率",
  columns: [
    { key: "name", header: "班级" },
    { key: "count", header: "参加人数" },
    { key: "rate", header: "参与率" },
    { key: "note", header: "备注" },
  ],
  rows: [
    { name: "一(1)班", count: 3, rate: rate(3, 4), note: '=HYPERLINK("http://evil","点我")' },
    { name: "+一(2)班", count: 0, rate: rate(0, 2), note: "-2+3" },
    { name: "@SUM(A1)", count: -3, rate: rate(0, 0), note: "\t=1+1" },
    { name: "\r=1", count: null, rate: rate(965, 1000), note: '含,逗号和"引号"\n换行' },
  ],
};

describe("toCsv", () => {
  const buffer = toCsv(table);

  it("When exported, then the bytes start with the UTF-8 BOM", () => {
    expect([...buffer.subarray(0, 3)]).to.deep.equal([0xef, 0xbb, 0xbf]);
  });

  it("When parsed back with csv-parse, then the header and Chinese text are intact and rates match the figures", () => {
    const rows: string[][] = parse(buffer, { bom: true });
    expect(rows[0]).to.deep.equal(["班级", "参加人数", "参与率", "备注"]);
    expect(rows[1].slice(0, 3)).to.deep.equal(["一(1)班", "3", "75.0%"]); // 3/4
    expect(rows[2].slice(1, 3)).to.deep.equal(["0", "0.0%"]); // 0/2, not NaN
    expect(rows[3][2]).to.equal(""); // 0/0: no figure
    expect(rows[4][2]).to.equal("96.5%"); // 965/1000
    expect(rows[4][3]).to.equal('含,逗号和"引号"\n换行');
  });

  it("When cells begin with = + - @ tab or CR, then a leading apostrophe neutralises them", () => {
    const rows: string[][] = parse(buffer, { bom: true });
    expect(rows[1][3]).to.equal('\'=HYPERLINK("http://evil","点我")');
    expect(rows[2][0]).to.equal("'+一(2)班");
    expect(rows[2][3]).to.equal("'-2+3");
    expect(rows[3][0]).to.equal("'@SUM(A1)");
    expect(rows[3][3]).to.equal("'\t=1+1");
    expect(rows[4][0]).to.equal("'\r=1");
  });

  it("When a number is negative, then it stays a number: only text is neutralised", () => {
    const rows: string[][] = parse(buffer, { bom: true });
    expect(rows[3][1]).to.equal("-3");
  });

  it("When a cell is ordinary text, then neutraliseFormula leaves it alone", () => {
    expect(neutraliseFormula("一(1)班")).to.equal("一(1)班");
    expect(neutraliseFormula("a=b")).to.equal("a=b");
    expect(neutraliseFormula("")).to.equal("");
  });

  it("When a header is hostile, then it is neutralised too", () => {
    const rows: string[][] = parse(toCsv({ title: "t", columns: [{ key: "a", header: "=cmd" }], rows: [] }), {
      bom: true,
    });
    expect(rows).to.deep.equal([["'=cmd"]]);
  });
});
