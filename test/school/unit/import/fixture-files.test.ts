import { expect } from "chai";
import { readTable, validateImport } from "../../../../src/school/import";
import { fixtureFile, knownClasses } from "../../../fixtures/import/builders";

// The committed files are what web and e2e tests upload; check they still read.
describe("committed import fixtures", () => {
  it("When students-gb18030.csv is read, then it is GB18030 on disk and valid with Chinese names", async () => {
    const bytes = fixtureFile("students-gb18030.csv");
    expect(() => new TextDecoder("utf-8", { fatal: true }).decode(bytes)).to.throw();
    const result = validateImport("students", await readTable(bytes, "students-gb18030.csv"), {
      classNames: knownClasses,
    });
    expect(result.ok && result.rows.map((r) => r.name)).to.deep.equal(["张小明", "张小红", "王䶮", "欧阳娜娜"]);
  });

  it("When students-text-ids.xlsx is read, then the leading zeros and the 19-digit 学籍号 survive", async () => {
    const result = validateImport(
      "students",
      await readTable(fixtureFile("students-text-ids.xlsx"), "students-text-ids.xlsx"),
    );
    expect(result.ok && result.rows.map((r) => r.studentNumber)).to.deep.equal([
      "0012",
      "2010010112345678901",
      "000000000000000123",
    ]);
  });

  it("When students-bad.csv is validated, then it is refused with errors on lines 3, 4, 6, 8, 9 and 10", async () => {
    const result = validateImport("students", await readTable(fixtureFile("students-bad.csv"), "students-bad.csv"), {
      classNames: knownClasses,
    });
    expect(result.ok ? [] : [...new Set(result.errors.map((e) => e.line))]).to.deep.equal([3, 4, 6, 8, 9, 10]);
  });

  it("When students-utf8-bom.csv, staff.csv and clubs.csv are validated, then they are accepted", async () => {
    expect(validateImport("students", await readTable(fixtureFile("students-utf8-bom.csv"), "s.csv")).ok).to.equal(
      true,
    );
    expect(validateImport("staff", await readTable(fixtureFile("staff.csv"), "staff.csv")).ok).to.equal(true);
    expect(validateImport("clubs", await readTable(fixtureFile("clubs.csv"), "clubs.csv")).ok).to.equal(true);
  });
});
