import { expect } from "chai";

describe("test harness", () => {
  it("When chai is loaded from CommonJS, then expect works", () => {
    expect(1 + 1).to.equal(2);
  });
});
