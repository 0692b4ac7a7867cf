import { expect } from "chai";
import iconv from "iconv-lite";
import { decodeText } from "../../../../src/school/import";

describe("decodeText", () => {
  it("When a CSV is saved by Chinese Excel in GB18030, then its Chinese text (䶮 included) is decoded", () => {
    const { text, encoding } = decodeText(iconv.encode("姓名\n王䶮\n欧阳娜娜", "gb18030"));
    expect(encoding).to.equal("gb18030");
    expect(text).to.equal("姓名\n王䶮\n欧阳娜娜");
  });

  it("When a CSV starts with a UTF-8 BOM, then it is UTF-8 and the BOM is not part of the first header", () => {
    const { text, encoding } = decodeText(Buffer.from("\uFEFF学号,姓名", "utf8"));
    expect(encoding).to.equal("utf-8");
    expect(text).to.equal("学号,姓名");
  });

  it("When a CSV is valid UTF-8 without a BOM, then it is read as UTF-8", () => {
    expect(decodeText(Buffer.from("学号,姓名", "utf8"))).to.deep.equal({ text: "学号,姓名", encoding: "utf-8" });
  });

  it("When a file is Excel's Unicode text (UTF-16LE with BOM), then it is decoded", () => {
    const { text, encoding } = decodeText(iconv.encode("学号\t姓名", "utf-16le", { addBOM: true }));
    expect(encoding).to.equal("utf-16le");
    expect(text).to.equal("学号\t姓名");
  });
});
