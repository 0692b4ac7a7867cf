import { expect } from "chai";
import { ACCOUNT_POLICY, delayAfter } from "../../../src/accounts/throttle-store";

describe("login throttle delays", () => {
  it("When an account has fewer failures than the free attempts, then there is no delay", () => {
    expect(delayAfter(ACCOUNT_POLICY.freeAttempts - 1, ACCOUNT_POLICY)).to.equal(0);
  });
  it("When failures go on, then the delay doubles", () => {
    const first = delayAfter(ACCOUNT_POLICY.freeAttempts, ACCOUNT_POLICY);
    expect(first).to.equal(ACCOUNT_POLICY.baseDelayMs);
    expect(delayAfter(ACCOUNT_POLICY.freeAttempts + 1, ACCOUNT_POLICY)).to.equal(2 * first);
  });
  it("When failures are many, then the delay is capped (no hard lockout)", () => {
    expect(delayAfter(1000, ACCOUNT_POLICY)).to.equal(ACCOUNT_POLICY.maxDelayMs);
  });
});
