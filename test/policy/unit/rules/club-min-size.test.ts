import { expect } from "chai";
import { smallSchool } from "../../../fixtures/policy/small-school";
import { violationsOf } from "../../../fixtures/policy/run-rule";

describe("rule club-min-size", () => {
  it("When a club has exactly its minimum, or no allocation yet, then no warning is given", async () => {
    const input = smallSchool();
    input.clubs = [
      { id: "chess", name: "国际象棋", minSize: 8, maxSize: 20, members: 8 },
      { id: "choir", name: "合唱", minSize: 15, maxSize: 40 },
    ];
    expect(await violationsOf(input, "club-min-size")).to.deep.equal([]);
  });

  it("When a club has one member fewer than its minimum, then it is warned about", async () => {
    const input = smallSchool();
    input.clubs = [{ id: "chess", name: "国际象棋", minSize: 8, maxSize: 20, members: 7 }];
    const found = await violationsOf(input, "club-min-size");
    expect(found.map((v) => [v.severity, v.target])).to.deep.equal([["warning", { kind: "club", clubId: "chess" }]]);
    expect(found[0].message["zh-CN"]).to.equal("社团“国际象棋”只有 7 人，低于最低开班人数 8 人。");
  });
});
