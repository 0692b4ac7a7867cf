import { expect } from "chai";
import { asciiFileName, contentDisposition, downloadName } from "../../../src/http";

describe("download file names", () => {
  it("When the parts include the term's Chinese name, then they are joined by '-' without spaces or unsafe characters", () => {
    expect(downloadName(["kehou", "participation", "2026秋", "2026-12-06"], "csv")).to.equal(
      "kehou-participation-2026秋-2026-12-06.csv",
    );
    expect(
      downloadName(["kehou", "clubs", null, undefined, "", "2026–2027 学年/第一学期", "2026-12-06"], "xlsx"),
    ).to.equal("kehou-clubs-2026–2027学年第一学期-2026-12-06.xlsx");
    expect(downloadName(['a"b', "..\\c", " "], "json")).to.equal("ab-c.json");
    expect(downloadName([], "csv")).to.equal("kehou.csv");
  });

  it("When a name is not ASCII, then the fallback replaces each run of other characters by one '-'", () => {
    expect(asciiFileName("kehou-participation-2026秋-2026-12-06.csv")).to.equal(
      "kehou-participation-2026-2026-12-06.csv",
    );
    expect(asciiFileName("kehou-x-2026–2027学年第一学期-2026-12-06.csv")).to.equal("kehou-x-2026-2027-2026-12-06.csv");
    expect(asciiFileName("报表.csv")).to.equal("kehou.csv");
  });

  it("When the name is ASCII, then the header has filename only; otherwise filename* (RFC 5987) and an ASCII filename", () => {
    expect(contentDisposition("kehou-run-3-instance.json")).to.equal(
      'attachment; filename="kehou-run-3-instance.json"',
    );
    const header = contentDisposition("kehou-participation-2026秋-2026-12-06.csv");
    expect(header).to.equal(
      `attachment; filename="kehou-participation-2026-2026-12-06.csv"; filename*=UTF-8''kehou-participation-2026%E7%A7%8B-2026-12-06.csv`,
    );
    expect(contentDisposition("秋'(b).csv")).to.contain("filename*=UTF-8''%E7%A7%8B%27%28b%29.csv");
  });
});
