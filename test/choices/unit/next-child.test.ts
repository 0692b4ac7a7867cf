import { expect } from "chai";
import { nextChildToAnswer } from "../../../src/choices/core";

const kid = (id: number, open: boolean, answered: boolean) => ({ id, name: `C${id}`, open, answered });

describe("nextChildToAnswer", () => {
  it("When a sibling after this child has an open round and no list, then it is next", () => {
    expect(nextChildToAnswer([kid(1, true, true), kid(2, true, false)], 1)?.id).to.equal(2);
  });
  it("When only an earlier sibling is left, then the order wraps round to it", () => {
    expect(nextChildToAnswer([kid(1, true, false), kid(2, true, true), kid(3, false, false)], 2)?.id).to.equal(1);
  });
  it("When every child with an open round has answered, then there is no next child", () => {
    expect(nextChildToAnswer([kid(1, true, true), kid(2, false, false)], 1)).to.equal(null);
  });
  it("When the child itself has not answered, then it is not its own next child", () => {
    expect(nextChildToAnswer([kid(1, true, false)], 1)).to.equal(null);
  });
});
