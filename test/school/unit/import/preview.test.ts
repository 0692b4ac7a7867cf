import { expect } from "chai";
import { previewImport, readTable, validateImport } from "../../../../src/school/import";
import * as build from "../../../fixtures/import/builders";

describe("previewImport", () => {
  it("When two of four students and one family are already stored, then the preview counts new and updated rows", async () => {
    const result = validateImport("students", await readTable(build.utf8BomStudentsCsv(), "a.csv"));
    if (!result.ok) throw new Error("fixture should be valid");
    const preview = previewImport("students", result.rows, { studentNumbers: ["0012", "0101"], familyKeys: ["f001"] });
    expect(preview).to.deep.equal({
      kind: "students",
      total: 4,
      created: 2,
      updated: 2,
      createdKeys: ["0013", "0102"],
      updatedKeys: ["0012", "0101"],
      families: { total: 3, created: 2, updated: 1, createdKeys: ["F002", "F003"], updatedKeys: ["F001"] },
    });
  });

  it("When nothing is stored yet, then every club is new", async () => {
    const result = validateImport("clubs", await readTable(build.clubsCsv(), "c.csv"));
    if (!result.ok) throw new Error("fixture should be valid");
    expect(previewImport("clubs", result.rows)).to.include({ kind: "clubs", total: 3, created: 3, updated: 0 });
  });
});
