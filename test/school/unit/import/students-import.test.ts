import { expect } from "chai";
import { deriveFamilies, ImportTable, readTable, validateImport } from "../../../../src/school/import";
import * as build from "../../../fixtures/import/builders";

const table = (rows: string[][]): ImportTable => ({
  headers: rows[0],
  rows: rows
    .slice(1)
    .map((values, i) => ({ line: i + 2, cells: Object.fromEntries(rows[0].map((h, j) => [h, values[j] ?? ""])) })),
});
const header = build.studentHeaderZh;

describe("validateImport (students)", () => {
  it("When a GB18030 file of good rows is validated, then every row is typed and accepted", async () => {
    const result = validateImport("students", await readTable(build.gb18030StudentsCsv(), "a.csv"), {
      classNames: build.knownClasses,
    });
    expect(result.ok).to.equal(true);
    if (!result.ok) return;
    expect(result.rows[0]).to.deep.equal({
      line: 2,
      studentNumber: "0012",
      name: "张小明",
      grade: 3,
      className: "三(2)班",
      familyKey: "F001",
      guardianName: "张伟",
      phone: "13800138000",
    });
    expect(result.rows.map((r) => r.name)).to.deep.equal(["张小明", "张小红", "王䶮", "欧阳娜娜"]);
  });

  it("When a file has several bad rows, then every bad row is reported with its line and nothing is accepted", async () => {
    const result = validateImport("students", await readTable(build.badStudentsCsv(), "bad.csv"), {
      classNames: build.knownClasses,
    });
    expect(result.ok).to.equal(false);
    if (result.ok) return;
    expect(result).to.not.have.property("rows");
    expect(result.errors.map((e) => [e.line, e.field, e.code])).to.deep.equal([
      [3, "grade", "bad-grade"],
      [4, "studentNumber", "duplicate"],
      [6, "name", "required"],
      [6, "phone", "bad-phone"],
      [8, "className", "unknown-class"],
      [9, "studentNumber", "scientific-notation"],
      [10, "guardianName", "family-mismatch"],
    ]);
    expect(result.errors[1].params).to.deep.equal({ value: "0012", firstLine: 2 });
    expect(result.errors[6].params).to.deep.equal({ value: "孙强", family: "F001", firstLine: 2, firstValue: "张伟" });
  });

  it("When a row has a bad grade and repeats an earlier number, then both problems are reported", () => {
    const result = validateImport(
      "students",
      table([header, ["0001", "甲", "3", "三(2)班", "F1"], ["0001", "乙", "9", "三(2)班", "F2"]]),
    );
    expect(result.ok ? [] : result.errors.map((e) => e.code)).to.deep.equal(["duplicate", "bad-grade"]);
  });

  it("When a number is already stored, then it is an update by default and an error in create mode", () => {
    const rows = table([header, ["0012", "张小明", "3", "三(2)班", "F001"]]);
    expect(validateImport("students", rows, { studentNumbers: ["0012"] }).ok).to.equal(true);
    const created = validateImport("students", rows, { studentNumbers: ["0012"] }, { mode: "create" });
    expect(created.ok ? [] : created.errors).to.deep.equal([
      { line: 2, field: "studentNumber", code: "already-exists", params: { value: "0012" } },
    ]);
  });

  it("When a class is written with full-width brackets, then it matches and takes the stored spelling", () => {
    const result = validateImport("students", table([header, ["0012", "张小明", "3", "三（2）班", "F001"]]), {
      classNames: ["三(2)班"],
    });
    expect(result.ok && result.rows[0].className).to.equal("三(2)班");
  });

  it("When a 19-digit number was typed into Excel as a number, then the row is refused with precision-lost", async () => {
    const result = validateImport("students", await readTable(await build.numericIdsXlsx(), "a.xlsx"));
    expect(result.ok ? [] : result.errors).to.deep.equal([
      { line: 3, field: "studentNumber", code: "precision-lost", params: { value: "2010010112345678848" } },
    ]);
  });

  it("When the class column is missing, then the only error is the missing column", () => {
    const result = validateImport(
      "students",
      table([
        ["学号", "姓名", "年级", "家庭编号"],
        ["0012", "张小明", "3", "F1"],
      ]),
    );
    expect(result.ok ? [] : result.errors.map((e) => [e.line, e.code, e.params.column])).to.deep.equal([
      [1, "missing-column", "className"],
    ]);
  });

  it("When the file has a header and no rows, or nothing at all, then it is refused as a whole", () => {
    const empty = validateImport("students", { headers: [], rows: [] });
    expect(empty.ok ? [] : empty.errors).to.deep.equal([{ line: 0, field: "", code: "empty-file", params: {} }]);
    const noRows = validateImport("students", table([header]));
    expect(noRows.ok ? [] : noRows.errors.map((e) => e.code)).to.deep.equal(["no-rows"]);
  });
});

describe("deriveFamilies", () => {
  it("When siblings share a family key and one leaves guardian and phone blank, then they make one family", () => {
    const families = deriveFamilies([
      { studentNumber: "0013", name: "张小红", grade: 1, className: "一(1)班", familyKey: "F001" },
      {
        studentNumber: "0012",
        name: "张小明",
        grade: 3,
        className: "三(2)班",
        familyKey: "F001",
        guardianName: "张伟",
        phone: "13800138000",
      },
      { studentNumber: "0101", name: "王䶮", grade: 5, className: "五(3)班", familyKey: "F002" },
    ]);
    expect(families).to.deep.equal([
      { familyKey: "F001", guardianName: "张伟", phone: "13800138000", children: ["0013", "0012"] },
      { familyKey: "F002", children: ["0101"] },
    ]);
  });
});
