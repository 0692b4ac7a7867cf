import { expect } from "chai";
import { ImportTable, readTable, validateImport } from "../../../../src/school/import";
import * as build from "../../../fixtures/import/builders";

const header = ["名称", "类别", "简介", "年级", "最少", "最多", "教师工号", "场地"];
const table = (...rows: string[][]): ImportTable => ({
  headers: header,
  rows: rows.map((values, i) => ({
    line: i + 2,
    cells: Object.fromEntries(header.map((h, j) => [h, values[j] ?? ""])),
  })),
});
const existing = { staffNumbers: ["T001", "T002", "E001"], venueNames: ["音乐教室", "操场"] };

describe("validateImport (clubs)", () => {
  it("When clubs with grade ranges, sizes, teachers and venues are imported, then they are typed", async () => {
    const result = validateImport("clubs", await readTable(build.clubsCsv(), "clubs.csv"), existing);
    expect(result.ok && result.rows).to.deep.equal([
      {
        line: 2,
        name: "合唱团",
        category: "艺术",
        description: "每周四排练",
        grades: [3, 4, 5, 6],
        minSize: 8,
        maxSize: 30,
        staffNumber: "T001",
        venueName: "音乐教室",
      },
      {
        line: 3,
        name: "珠心算",
        category: "思维",
        description: "",
        grades: [1, 2, 3],
        minSize: 0,
        maxSize: 25,
        staffNumber: "T002",
      },
      {
        line: 4,
        name: "足球",
        category: "体育",
        description: "",
        grades: [3, 4, 5],
        minSize: 10,
        maxSize: 24,
        staffNumber: "E001",
        venueName: "操场",
      },
    ]);
  });

  it("When a club's minimum is above its maximum, then min-above-max is reported; when they are equal, it is fine", () => {
    const bad = validateImport("clubs", table(["合唱团", "艺术", "", "3-6", "31", "30"]));
    expect(bad.ok ? [] : bad.errors).to.deep.equal([
      { line: 2, field: "minSize", code: "min-above-max", params: { min: 31, max: 30 } },
    ]);
    expect(validateImport("clubs", table(["合唱团", "艺术", "", "3-6", "30", "30"])).ok).to.equal(true);
  });

  it("When a club names an unknown teacher or venue, repeats a name or has bad grades, then every row is reported", () => {
    const result = validateImport(
      "clubs",
      table(
        ["合唱团", "艺术", "", "3-6", "", "30", "T009", "音乐教室"],
        ["棋类", "思维", "", "3-6", "", "30", "T001", "天台"],
        ["合唱团", "艺术", "", "七年级", "", "30"],
      ),
      existing,
    );
    expect(result.ok ? [] : result.errors.map((e) => [e.line, e.field, e.code])).to.deep.equal([
      [2, "staffNumber", "unknown-staff"],
      [3, "venueName", "unknown-venue"],
      [4, "name", "duplicate"],
      [4, "grades", "bad-grades"],
    ]);
  });
});
