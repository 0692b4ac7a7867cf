import { expect } from "chai";
import {
  clubColumns,
  ColumnSpec,
  mapColumns,
  normalizeHeader,
  staffColumns,
  studentColumns,
} from "../../../../src/school/import";

describe("mapColumns", () => {
  it("When headers are in Chinese, then each maps to its field", () => {
    const { map, errors } = mapColumns(
      ["学号", "姓名", "年级", "班级", "家庭编号", "家长姓名", "电话"],
      studentColumns,
    );
    expect(errors).to.deep.equal([]);
    expect(map).to.deep.equal({
      studentNumber: "学号",
      name: "姓名",
      grade: "年级",
      className: "班级",
      familyKey: "家庭编号",
      guardianName: "家长姓名",
      phone: "电话",
    });
  });

  it("When headers are English in any case and spacing, with a required star or a note, then they still map", () => {
    const { map, errors } = mapColumns(
      ["Student Number*", "NAME", "grade", "Class Name", "family_key", "电话（手机）"],
      studentColumns,
    );
    expect(errors).to.deep.equal([]);
    expect(map).to.include({
      studentNumber: "Student Number*",
      name: "NAME",
      className: "Class Name",
      familyKey: "family_key",
      phone: "电话（手机）",
    });
  });

  it("When a required column is missing, then a file-level error names the field", () => {
    const { errors } = mapColumns(["学号", "姓名", "年级", "家庭编号"], studentColumns);
    expect(errors).to.deep.equal([
      { line: 1, field: "className", code: "missing-column", params: { column: "className" } },
    ]);
  });

  it("When both 学号 and 学籍号 are present, then 学号 is the student number", () => {
    const { map } = mapColumns(["学籍号", "学号", "姓名", "年级", "班级", "家庭编号"], studentColumns);
    expect(map.studentNumber).to.equal("学号");
  });

  it("When two columns are equally good for one field, then the file is refused as ambiguous", () => {
    const { errors } = mapColumns(["姓名", "姓名 (2)", "工号", "类型"], staffColumns);
    expect(errors).to.deep.equal([
      {
        line: 1,
        field: "name",
        code: "duplicate-column",
        params: { column: "name", first: "姓名", second: "姓名 (2)" },
      },
    ]);
  });

  for (const [kind, columns] of [
    ["students", studentColumns],
    ["staff", staffColumns],
    ["clubs", clubColumns],
  ] as const) {
    it(`When the ${kind} aliases are normalized, then no header could mean two fields`, () => {
      const owner = new Map<string, string>();
      for (const spec of columns as readonly ColumnSpec[]) {
        for (const alias of spec.aliases) {
          const key = normalizeHeader(alias);
          expect(owner.get(key) ?? spec.field, `${alias}`).to.equal(spec.field);
          owner.set(key, spec.field);
        }
      }
    });
  }
});
