import { expect } from "chai";
import ExcelJS from "exceljs";
import { ImportFileError, readTable } from "../../../../src/school/import";
import { IMPORT_LIMITS } from "../../../../src/school/core/import/limits";
import { atLimitCsv, atLimitXlsx } from "../../../fixtures/import/limit-files";
import {
  entriesOf,
  mergeBombXlsx,
  smallStudentsXlsx,
  writeZip,
  zerosEntry,
} from "../../../fixtures/import/hostile-files";

async function refusal(data: Buffer, filename: string): Promise<ImportFileError> {
  try {
    await readTable(data, filename);
  } catch (err) {
    if (err instanceof ImportFileError) return err;
    throw err;
  }
  throw new Error("the file was read");
}

describe("readTable limits", () => {
  it("When a CSV and an XLSX are exactly at the row limit with 24 columns, then every row is read", async function () {
    this.timeout(120_000);
    for (const [data, name] of [
      [atLimitCsv(), "a.csv"],
      [await atLimitXlsx(), "a.xlsx"],
    ] as const) {
      const table = await readTable(data, name);
      expect(table.rows).to.have.length(IMPORT_LIMITS.rows);
      expect(table.headers).to.have.length(24);
    }
  });

  it("When a CSV has one data row more than the limit, then it is refused naming the row limit", async function () {
    this.timeout(60_000);
    const err = await refusal(atLimitCsv(IMPORT_LIMITS.rows + 1, 0), "a.csv");
    expect([err.code, err.params.max]).to.deep.equal(["too-many-rows", IMPORT_LIMITS.rows]);
  });

  it("When a file has nothing but delimiters, then reading stops at the cell limit", async () => {
    const err = await refusal(Buffer.from(",".repeat(IMPORT_LIMITS.cells + 1)), "a.csv");
    expect([err.code, err.params.max]).to.deep.equal(["too-many-cells", IMPORT_LIMITS.cells]);
  });

  it("When rows end in many blank cells (a formatted column far right), then the blanks are dropped and the sheet reads", async () => {
    const table = await readTable(Buffer.from(`学号,姓名${",".repeat(500)}\n0001,甲${",".repeat(500)}\n`), "a.csv");
    expect(table.headers).to.deep.equal(["学号", "姓名"]);
    expect(table.rows.map((r) => r.cells)).to.deep.equal([{ 学号: "0001", 姓名: "甲" }]);
  });

  it("When an XLSX has a blank styled cell at XFD, then it is ignored, and a value there is refused on its row", async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet("s");
    ws.addRow(["学号", "姓名"]);
    ws.addRow(["0001", "甲"]);
    ws.getCell("XFD2").fill = { type: "pattern", pattern: "solid", fgColor: { argb: "FFFF0000" } };
    const table = await readTable(Buffer.from(await wb.xlsx.writeBuffer()), "a.xlsx");
    expect(table.headers).to.deep.equal(["学号", "姓名"]);
    ws.getCell("XFD2").value = "x";
    const err = await refusal(Buffer.from(await wb.xlsx.writeBuffer()), "a.xlsx");
    expect([err.code, err.params.max, err.params.line]).to.deep.equal(["too-many-columns", IMPORT_LIMITS.columns, 2]);
  });

  it("When an XLSX merges the whole grid, then its cells are read as they are", async () => {
    const table = await readTable(await mergeBombXlsx(), "a.xlsx");
    expect(table.rows.map((r) => r.cells["学号"])).to.deep.equal(["0001"]);
  });

  it("When a needed XLSX entry declares fewer bytes than it inflates to, then the file is refused without inflating it all", async () => {
    const entries = await entriesOf(await smallStudentsXlsx());
    const lying = entries.map((e) => (e.name === "xl/sharedStrings.xml" ? { ...zerosEntry(e.name, 64, 100) } : e));
    const err = await refusal(writeZip(lying), "a.xlsx");
    expect(err.code).to.equal("unreadable-file");
  });

  it("When an entry nothing reads declares fewer bytes than its own compressed data, then the file is refused as unreadable without inflating it", async () => {
    const entries = await entriesOf(await smallStudentsXlsx());
    const err = await refusal(writeZip([...entries, zerosEntry("xl/media/junk.bin", 400, 1024)]), "a.xlsx");
    expect(err.code).to.equal("unreadable-file");
  });

  it("When entries nothing reads declare more than the unpacked limit, then the file is refused naming it, and just under it reads", async () => {
    const entries = await entriesOf(await smallStudentsXlsx());
    const over = await refusal(
      writeZip([...entries, zerosEntry("xl/media/a.bin", IMPORT_LIMITS.unpackedMegabytes)]),
      "a.xlsx",
    );
    expect([over.code, over.params.max]).to.deep.equal(["unpacked-too-large", IMPORT_LIMITS.unpackedMegabytes]);
    const under = await readTable(
      writeZip([...entries, zerosEntry("xl/media/a.bin", IMPORT_LIMITS.unpackedMegabytes - 1)]),
      "a.xlsx",
    );
    expect(under.rows).to.have.length(1);
  });
});
