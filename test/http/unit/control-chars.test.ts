import { expect } from "chai";
import { scanFields, MAX_DEPTH } from "../../../src/http/control-chars";

describe("control characters in parsed fields", () => {
  it("When a field holds NUL, ESC or DEL, then the scan names its top-level field", () => {
    expect(scanFields({ name: "ok", studentNumber: "2024\u00000101" }).field).to.equal("studentNumber");
    expect(scanFields({ a: ["x", "\u001b[31m"] }).field).to.equal("a");
    expect(scanFields({ b: { c: "\u007f" } }).field).to.equal("b");
    expect(scanFields({ "k\u0000": "v" }).field).to.equal("k\u0000");
  });

  it("When fields hold tabs, newlines, Chinese or emoji, then nothing is flagged", () => {
    expect(scanFields({ note: "第一行\r\n第二行\t完", name: "小明 🙂" }).field).to.equal(null);
  });

  it("When values are counted, then the count stops just past the limit", () => {
    const body = Object.fromEntries(Array.from({ length: 50 }, (_, i) => [`f${i}`, "1"]));
    expect(scanFields(body).values).to.equal(50);
    expect(scanFields(body, 10).values).to.equal(11);
  });

  it("When a value nests deeper than the bound, then the scan says so instead of recursing", () => {
    let deep: unknown = "x";
    for (let i = 0; i < 100_000; i++) deep = [deep];
    expect(scanFields(deep).tooDeep).to.equal(true);
    let shallow: unknown = "x";
    for (let i = 0; i < MAX_DEPTH - 1; i++) shallow = [shallow];
    expect(scanFields(shallow).tooDeep).to.equal(false);
  });
});
