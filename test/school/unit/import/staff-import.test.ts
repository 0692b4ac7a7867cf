import { expect } from "chai";
import { ImportTable, readTable, validateImport } from "../../../../src/school/import";
import * as build from "../../../fixtures/import/builders";

const header = ["工号", "姓名", "类型", "邮箱", "审查日期", "可用日"];
const table = (...rows: string[][]): ImportTable => ({
  headers: header,
  rows: rows.map((values, i) => ({
    line: i + 2,
    cells: Object.fromEntries(header.map((h, j) => [h, values[j] ?? ""])),
  })),
});

describe("validateImport (staff)", () => {
  it("When teachers, a class teacher and an external coach are imported, then kinds, dates and days are typed", async () => {
    const result = validateImport("staff", await readTable(build.staffCsv(), "staff.csv"));
    expect(result.ok && result.rows).to.deep.equal([
      {
        line: 2,
        staffNumber: "T001",
        name: "李老师",
        kind: "class_teacher",
        email: "li@school.cn",
        availableDays: [1, 2, 3, 4, 5],
      },
      {
        line: 3,
        staffNumber: "T002",
        name: "Wang Fang",
        kind: "teacher",
        email: "wang@school.cn",
        availableDays: [1, 3, 5],
      },
      { line: 4, staffNumber: "E001", name: "赵教练", kind: "external", vettedOn: "2026-08-20", availableDays: [2, 4] },
    ]);
  });

  it("When a vetting date, a kind, days and an email are wrong, then each is reported on its own line", () => {
    const result = validateImport(
      "staff",
      table(
        ["T001", "李老师", "班主任", "li@school", "", ""],
        ["E001", "赵教练", "校外人员", "", "2026-02-30", "周六"],
        ["T002", "王老师", "校长", "", "", ""],
      ),
    );
    expect(result.ok ? [] : result.errors.map((e) => [e.line, e.field, e.code])).to.deep.equal([
      [2, "email", "bad-email"],
      [3, "vettedOn", "bad-date"],
      [3, "availableDays", "bad-weekdays"],
      [4, "kind", "bad-staff-kind"],
    ]);
  });

  it("When two people share an email or a staff number, then the later rows are duplicates", () => {
    const result = validateImport(
      "staff",
      table(
        ["T001", "李老师", "教师", "li@school.cn"],
        ["T001", "王老师", "教师", ""],
        ["T003", "张老师", "教师", "LI@school.cn"],
      ),
    );
    expect(result.ok ? [] : result.errors.map((e) => [e.line, e.field, e.code, e.params.firstLine])).to.deep.equal([
      [3, "staffNumber", "duplicate", 2],
      [4, "email", "duplicate", 2],
    ]);
  });
});
